# traceback.format_exception_only with notes (each line of each note).
import traceback
e = ValueError("x")
e.add_note("a note")
e.add_note("two\nlines")
print(traceback.format_exception_only(e))
print(traceback.format_exception_only(KeyError("k")))
print(traceback.format_exception_only(None))
