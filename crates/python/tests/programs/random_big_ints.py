# random with ints beyond 64 bits: seeds, randint/randrange bounds, getrandbits.
import random
random.seed(2**70 + 5)
print(random.random(), random.randint(0, 2**80), random.randrange(10**30))
print(random.getrandbits(200), random.getrandbits(65), random.getrandbits(64), random.randrange(-2**70, 5))
r = random.Random(-(2**100))
print(r.random(), r.randint(2**64, 2**64 + 3), r.choice([1, 2, 3]))
random.seed(12345678901234567890123)
print(random.randint(1, 6), random.random())
try:
    random.randrange(2**70, 2**70)
except ValueError as e:
    print(e)
