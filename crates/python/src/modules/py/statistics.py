# The playground's statistics module: CPython 3.11's functions and results.
# Sums and squared deviations are exact (fractions of ints, as CPython's
# Fractions), so means and variances round as CPython's do; data are ints,
# floats and bools (the playground has no Fraction or Decimal).

from math import exp as _exp, fsum as _fsum, gcd as _gcd, isqrt as _isqrt, log as _log, sqrt as _sqrt
from collections import Counter as _Counter, namedtuple as _namedtuple

__all__ = [
    'NormalDist', 'StatisticsError', 'correlation', 'covariance', 'fmean',
    'geometric_mean', 'harmonic_mean', 'linear_regression', 'mean', 'median',
    'median_grouped', 'median_high', 'median_low', 'mode', 'multimode',
    'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance',
]


class StatisticsError(ValueError):
    pass


def _ratio(num, den):
    # An exact fraction as a (numerator, denominator) pair in lowest terms.
    if den < 0:
        num, den = -num, -den
    g = _gcd(num, den)
    return (num // g, den // g) if g > 1 else (num, den)


def _add(a, b):
    return _ratio(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _exact(x):
    # (numerator, denominator) of x; (x, None) for an infinity or a NaN.
    try:
        ratio = x.as_integer_ratio
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator") from None
    try:
        return ratio()
    except (OverflowError, ValueError):
        return (x, None)


def _common_type(types):
    t = int
    for s in types:
        if t is s or s is int or s is bool:
            continue
        if t is int or issubclass(s, t):
            t = s
        elif issubclass(t, s) or issubclass(s, int):
            continue
        elif issubclass(t, int):
            t = s
        else:
            raise TypeError(f"don't know how to coerce {t.__name__} and {s.__name__}")
    return t


def _tally(data):
    # The types met, the count, and the numerators of the values and of
    # their squares by denominator (None: infinities and NaNs, summed as floats).
    types = []
    sx = {}
    sxx = {}
    count = 0
    for x in data:
        if type(x) not in types:
            types.append(type(x))
        n, d = _exact(x)
        count += 1
        sx[d] = sx.get(d, 0) + n
        if d is not None:
            sxx[d] = sxx.get(d, 0) + n * n
    return types, count, sx, sxx


def _sum(data):
    # (common type, exact sum, count); the sum is a float for infinities and NaNs.
    types, count, partials, _ = _tally(data)
    if None in partials:
        total = partials[None]
    else:
        total = (0, 1)
        for d, n in partials.items():
            total = _add(total, (n, d))
    return _common_type(types), total, count


def _ss(data, c=None):
    # (common type, exact sum of squared deviations, exact mean, count).
    if c is not None:
        T, total, count = _sum((d := x - c) * d for x in data)
        return T, total, c, count
    types, count, sx, sxx = _tally(data)
    if not count:
        ssd = c = (0, 1)
    elif None in sx:
        ssd = c = sx[None]
    else:
        s1 = (0, 1)
        for d, n in sx.items():
            s1 = _add(s1, (n, d))
        s2 = (0, 1)
        for d, n in sxx.items():
            s2 = _add(s2, (n, d * d))
        # (count * s2 - s1 * s1) / count, exactly.
        ssd = _ratio(count * s2[0] * s1[1] * s1[1] - s1[0] * s1[0] * s2[1], s2[1] * s1[1] * s1[1] * count)
        c = _ratio(s1[0], s1[1] * count)
    return _common_type(types), ssd, c, count


def _div(q, n):
    # q / n, q exact or a float (infinity or NaN).
    if isinstance(q, tuple):
        return _ratio(q[0], q[1] * n)
    return q / n


def _convert(q, T):
    if not isinstance(q, tuple):
        return q if type(q) is T else T(q)
    num, den = q
    if issubclass(T, int) and den != 1:
        T = float
    if issubclass(T, int):
        return T(num)
    return T(num / den)


def _sqrt_frac(q):
    # The square root of an exact fraction, correctly rounded (round to odd).
    if not isinstance(q, tuple):
        # CPython's reads the numerator of a float sum of infinities or NaNs.
        raise AttributeError("'float' object has no attribute 'numerator'")
    n, m = q
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        m <<= 2 * q
        den = 1
    else:
        n <<= -2 * q
        den = 1 << -q
    a = _isqrt(n // m)
    a |= a * a * m != n
    if q >= 0:
        a <<= q
    return a / den


def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(_div(total, n), T)


def fmean(data, weights=None):
    try:
        n = len(data)
    except TypeError:
        data = list(data)
        n = len(data)
    if weights is None:
        total = _fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    num = _fsum(x * w for x, w in zip(data, weights))
    if n != num_weights:
        raise StatisticsError('data and weights must be the same length')
    den = _fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    try:
        return _exp(fmean(map(_log, data)))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset containing positive numbers') from None


def _fail_neg(values, errmsg):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def harmonic_mean(data, weights=None):
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights is None:
        x = data[0]
        if not isinstance(x, (int, float)):
            raise TypeError('unsupported type')
        if x < 0:
            raise StatisticsError(errmsg)
        return x
    if weights is None:
        weights = [1] * n
        sum_weights = (n, 1)
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum(_fail_neg(weights, errmsg))
    try:
        T, total, count = _sum(w / x if w else 0 for w, x in zip(weights, _fail_neg(data, errmsg)))
    except ZeroDivisionError:
        return 0
    if (total[0] if isinstance(total, tuple) else total) <= 0:
        raise StatisticsError('Weighted sum must be positive')
    if isinstance(total, tuple) and isinstance(sum_weights, tuple):
        return _convert(_ratio(sum_weights[0] * total[1], sum_weights[1] * total[0]), T)
    sw = sum_weights[0] / sum_weights[1] if isinstance(sum_weights, tuple) else sum_weights
    tot = total[0] / total[1] if isinstance(total, tuple) else total
    return _convert(sw / tot, T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[(n - 1) // 2]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    i = 0
    while data[i] < x:
        i += 1
    j = i
    while j < n and not (x < data[j]):
        j += 1
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    return x - interval / 2.0 + interval * (n / 2 - i) / (j - i)


def mode(data):
    pairs = _Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    counts = _Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = min(max(i * m // n, 1), ld - 1)
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def variance(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(_div(ss, n - 1), T)


def pvariance(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(_div(ss, n), T)


def stdev(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt_frac(_div(ss, n - 1))


def pstdev(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt_frac(_div(ss, n))


def _paired(x, y, what):
    n = len(x)
    if len(y) != n:
        raise StatisticsError(f'{what} requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError(f'{what} requires at least two data points')
    return n, _fsum(x) / n, _fsum(y) / n


def covariance(x, y, /):
    n, xbar, ybar = _paired(x, y, 'covariance')
    return _fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)) / (n - 1)


def correlation(x, y, /):
    n, xbar, ybar = _paired(x, y, 'correlation')
    sxy = _fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    sxx = _fsum((d := xi - xbar) * d for xi in x)
    syy = _fsum((d := yi - ybar) * d for yi in y)
    try:
        return sxy / _sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


LinearRegression = _namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    n, xbar, ybar = _paired(x, y, 'linear regression')
    if proportional:
        sxy = _fsum(xi * yi for xi, yi in zip(x, y))
        sxx = _fsum(xi * xi for xi in x)
    else:
        sxy = _fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
        sxx = _fsum((d := xi - xbar) * d for xi in x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


class NormalDist:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError('statistics.NormalDist is not supported in the playground')
