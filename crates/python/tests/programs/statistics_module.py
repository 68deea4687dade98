# statistics: exact means and variances of ints, floats and bools, medians, modes, quantiles, fmean/geometric/harmonic means, covariance, correlation, regression, StatisticsError messages.
import statistics as st
import random
random.seed(3)
tests = [
    [1, 2, 3, 4, 4], [1, 2, 3], [1.5, 2.5, 2.5, 2.75, 3.25, 4.75], [0.1, 0.2, 0.3], [1e50, 1, -1e50] * 3,
    [True, False, True], [5], [3, 1, 2, 2, 7, 9, 9, 9, 1], [random.random() for _ in range(50)],
    [random.randint(1, 100) for _ in range(31)], [2.0, 8.0], [-1.0, 2.5, 3.25, 5.75],
    [float('inf'), 1.0], [1, 2.5, 3],
]
for data in tests:
    for name in ['mean', 'fmean', 'median', 'median_low', 'median_high', 'median_grouped', 'mode', 'multimode',
                 'variance', 'pvariance', 'stdev', 'pstdev', 'geometric_mean', 'harmonic_mean', 'quantiles']:
        try:
            r = getattr(st, name)(data)
            print(name, repr(r), type(r).__name__)
        except Exception as e:
            print(name, type(e).__name__, e)
print(st.variance([1, 2, 3, 4], 2.5), st.stdev([1.0, 2.0, 3.0], xbar=2.0), st.pvariance([1, 3, 5, 7], mu=4))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=10), st.quantiles(range(1, 11), n=4, method='inclusive'))
print(st.fmean([1, 2, 3], weights=[3, 2, 1]), st.harmonic_mean([40, 60], weights=[5, 30]))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]; y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x), st.linear_regression(x, [2 * v + 1 for v in x]))
print(st.linear_regression(x, y, proportional=True))
for bad in [lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.mean(['a', 'b']), lambda: st.mode([]),
            lambda: st.quantiles([1]), lambda: st.harmonic_mean([1, -1]), lambda: st.correlation([1, 1], [1, 2]),
            lambda: st.quantiles([1, 2], method='x'), lambda: st.geometric_mean([0, 1])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(st.mode(['red', 'blue', 'red']), st.multimode('aabbbbccddddeeffffgg'), st.median(['b', 'a', 'c']))
print(isinstance(st.StatisticsError(), ValueError))
