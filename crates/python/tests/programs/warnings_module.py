# warnings: warn() on stderr once per place under the default filters,
# simplefilter/filterwarnings/resetwarnings, catch_warnings(record=True).
import warnings, sys

def old(x):
    warnings.warn("old() is deprecated, use new()", DeprecationWarning, stacklevel=2)
    return x * 2

for i in range(3):
    print(old(i))
warnings.warn("plain user warning")
warnings.warn("runtime thing", RuntimeWarning)
warnings.warn(UserWarning("as instance"))
warnings.warn("pending", PendingDeprecationWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn(f"recorded {i}", FutureWarning)
    print(len(caught), [str(w.message) for w in caught], caught[0].category.__name__, caught[0].lineno)
warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("now an error", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", repr(e))
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="skip.*")
warnings.warn("skip me")
warnings.warn("Skip me too")
warnings.warn("show me")
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
print(warnings.formatwarning("m", UserWarning, "f.py", 3, "  code()  "), end="")
