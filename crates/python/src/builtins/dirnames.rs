//! What `dir()` lists for the builtin types beyond `object`'s names:
//! CPython 3.11's names (the playground has these types' methods in Rust
//! `match`es, which cannot be listed).

use crate::object::BuiltinType;

/// The names `dir(t)` adds to `object`'s for builtin type `t`, space-separated.
pub fn extra_names(t: BuiltinType) -> &'static str {
    match t {
        BuiltinType::Bool | BuiltinType::Int => {
            "__abs__ __add__ __and__ __bool__ __ceil__ __divmod__ __float__ __floor__ \
             __floordiv__ __getnewargs__ __index__ __int__ __invert__ __lshift__ __mod__ \
             __mul__ __neg__ __or__ __pos__ __pow__ __radd__ __rand__ __rdivmod__ \
             __rfloordiv__ __rlshift__ __rmod__ __rmul__ __ror__ __round__ __rpow__ \
             __rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __sub__ __truediv__ \
             __trunc__ __xor__ as_integer_ratio bit_count bit_length conjugate denominator \
             from_bytes imag numerator real to_bytes"
        }
        BuiltinType::Float => {
            "__abs__ __add__ __bool__ __ceil__ __divmod__ __float__ __floor__ __floordiv__ \
             __getformat__ __getnewargs__ __int__ __mod__ __mul__ __neg__ __pos__ __pow__ \
             __radd__ __rdivmod__ __rfloordiv__ __rmod__ __rmul__ __round__ __rpow__ __rsub__ \
             __rtruediv__ __sub__ __truediv__ __trunc__ as_integer_ratio conjugate fromhex \
             hex imag is_integer real"
        }
        BuiltinType::Str => {
            "__add__ __contains__ __getitem__ __getnewargs__ __iter__ __len__ __mod__ __mul__ \
             __rmod__ __rmul__ capitalize casefold center count encode endswith expandtabs \
             find format format_map index isalnum isalpha isascii isdecimal isdigit \
             isidentifier islower isnumeric isprintable isspace istitle isupper join ljust \
             lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex \
             rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title \
             translate upper zfill"
        }
        BuiltinType::Bytes => {
            "__add__ __bytes__ __contains__ __getitem__ __getnewargs__ __iter__ __len__ \
             __mod__ __mul__ __rmod__ __rmul__ capitalize center count decode endswith \
             expandtabs find fromhex hex index isalnum isalpha isascii isdigit islower \
             isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix \
             removesuffix replace rfind rindex rjust rpartition rsplit rstrip split \
             splitlines startswith strip swapcase title translate upper zfill"
        }
        BuiltinType::Tuple => {
            "__add__ __class_getitem__ __contains__ __getitem__ __getnewargs__ __iter__ \
             __len__ __mul__ __rmul__ count index"
        }
        BuiltinType::List => {
            "__add__ __class_getitem__ __contains__ __delitem__ __getitem__ __iadd__ __imul__ \
             __iter__ __len__ __mul__ __reversed__ __rmul__ __setitem__ append clear copy \
             count extend index insert pop remove reverse sort"
        }
        BuiltinType::Dict => {
            "__class_getitem__ __contains__ __delitem__ __getitem__ __ior__ __iter__ __len__ \
             __or__ __reversed__ __ror__ __setitem__ clear copy fromkeys get items keys pop \
             popitem setdefault update values"
        }
        BuiltinType::Set => {
            "__and__ __class_getitem__ __contains__ __iand__ __ior__ __isub__ __iter__ \
             __ixor__ __len__ __or__ __rand__ __ror__ __rsub__ __rxor__ __sub__ __xor__ add \
             clear copy difference difference_update discard intersection intersection_update \
             isdisjoint issubset issuperset pop remove symmetric_difference \
             symmetric_difference_update union update"
        }
        BuiltinType::FrozenSet => {
            "__and__ __class_getitem__ __contains__ __iter__ __len__ __or__ __rand__ __ror__ \
             __rsub__ __rxor__ __sub__ __xor__ copy difference intersection isdisjoint \
             issubset issuperset symmetric_difference union"
        }
        BuiltinType::Range => {
            "__bool__ __contains__ __getitem__ __iter__ __len__ __reversed__ count index \
             start step stop"
        }
        BuiltinType::Slice => "indices start step stop",
        BuiltinType::NoneType => "__bool__",
        _ => "",
    }
}
