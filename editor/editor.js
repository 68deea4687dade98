// The playground's Python editor: CodeMirror 6, bundled by editor/build.mjs
// into one ES module (dist/editor.js) that the page imports on demand.
//
// The module exports only `createEditor`, and importing it defines no global
// (only CodeMirror's style-mod counter under Symbol.for('ͼ'), shared by every
// copy of CodeMirror). CodeMirror's base theme is added when the first editor
// is created, as a constructed sheet in document.adoptedStyleSheets, which the
// page's `style-src 'self'` allows (editor/build.mjs patches style-mod for
// that). The editor's look, syntax colours included, lives in www/editor.css
// and follows the page's CSS variables, so both colour schemes need nothing here.
//
// Keyboard: Tab and Shift-Tab indent and dedent. To leave the editor with the
// keyboard, press Escape then Tab (or Shift-Tab) within two seconds;
// Ctrl-M (Shift-Alt-M on macOS) toggles a mode where Tab always moves focus.
// Ctrl-Enter (Cmd-Enter on macOS) calls `onRun`.

import { Annotation, Compartment, EditorSelection, EditorState, RangeSet, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  GutterMarker,
  ViewPlugin,
  WidgetType,
  gutter,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, indentService, indentUnit } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';

// ---- Syntax colours ----------------------------------------------------------

// The caller's tokenizer (options.highlight: the page passes the program
// pane's, src/page/highlight.rs) gives the coloured tokens of the whole text
// as flat triples `from, to, class index` in UTF-16 offsets, sorted; the
// plugin marks those in the visible ranges. The text is tokenized again only
// when it changes.
function highlighting({ classes, tokens }) {
  const marks = Array.from(classes ?? [], (cls) => Decoration.mark({ class: String(cls) }));
  const read = (doc) => {
    const spans = tokens(doc.toString());
    return spans && typeof spans.length === 'number' ? spans : [];
  };
  const decorate = (view, spans) => {
    const ranges = [];
    const length = view.state.doc.length;
    for (const { from, to } of view.visibleRanges) {
      // The first token ending after `from` (triples sorted by position).
      let lo = 0;
      let hi = spans.length / 3;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid * 3 + 1] <= from) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo * 3; i + 2 < spans.length && spans[i] < to; i += 3) {
        const mark = marks[spans[i + 2]];
        const start = Math.max(spans[i], from);
        const end = Math.min(spans[i + 1], to, length);
        if (mark && start < end) ranges.push(mark.range(start, end));
      }
    }
    return Decoration.set(ranges, true);
  };
  return ViewPlugin.fromClass(
    class {
      constructor(view) {
        this.spans = read(view.state.doc);
        this.decorations = decorate(view, this.spans);
      }
      update(update) {
        if (update.docChanged) this.spans = read(update.state.doc);
        if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view, this.spans);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

// ---- Indentation -------------------------------------------------------------

/** A line's code without its comment, and its net count of open brackets. */
function scanCode(text) {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '#') {
      return { code: text.slice(0, i).trimEnd(), depth };
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if ('([{'.includes(c)) {
      depth++;
    } else if (')]}'.includes(c)) {
      depth--;
    }
  }
  return { code: text.trimEnd(), depth };
}

const BLOCK_ENDS = /^\s*(return|pass|raise|break|continue)\b/;
// A clause that continues a block, and the clauses that it follows.
const CLAUSES = {
  else: /^(if|elif|for|while|try|except)\b/,
  elif: /^(if|elif)\b/,
  except: /^(try|except)\b/,
  finally: /^(try|except|else)\b/,
};

/** A line with code: its start, indentation, code (no comment) and net open brackets. */
function codeLine(cx, text, from) {
  const { code, depth } = scanCode(text);
  if (!code.trim()) return null;
  return { from, indent: cx.countColumn(text, text.search(/\S|$/)), code: code.trim(), depth };
}

/** The code lines before `pos`, nearest first. */
function* linesBefore(cx, pos) {
  const first = cx.lineAt(pos, -1);
  // With a simulated line break (Enter), the part of the line before it.
  if (first.from < pos) {
    const line = codeLine(cx, first.text, first.from);
    if (line) yield line;
  }
  for (let from = first.from; from > 0; ) {
    const { text, from: start } = cx.state.doc.lineAt(from - 1);
    const line = codeLine(cx, text, start);
    if (line) yield line;
    from = start;
  }
}

/**
 * Python's indentation for the line at `pos`: one unit deeper after a line
 * ending in `:` or inside open brackets, one less after `return`, `pass`,
 * `raise`, `break` or `continue`, and an `else`, `elif`, `except` or
 * `finally` at the level of the clause it continues.
 */
function pythonIndent(cx, pos) {
  const after = cx.textAfterPos(pos).trim();
  const lines = linesBefore(cx, pos);
  let { value: line } = lines.next();
  if (!line) return 0;
  // A statement over several lines: its first line (where brackets balance).
  let depth = line.depth;
  if (depth > 0) return line.indent + cx.unit;
  const last = line;
  while (depth < 0) {
    const { value } = lines.next();
    if (!value) break;
    depth += value.depth;
    line = value;
  }
  let indent = line.indent;
  if (last.code.endsWith(':')) indent += cx.unit;
  else if (BLOCK_ENDS.test(last.code)) indent = Math.max(0, indent - cx.unit);
  const clause = /^(else|elif|except|finally)\b/.exec(after);
  if (!clause) return indent;
  // The nearest less indented line that the clause can follow.
  let limit = indent;
  for (let candidate = last; candidate; candidate = lines.next().value) {
    if (candidate.indent >= limit) continue;
    if (CLAUSES[clause[1]].test(candidate.code)) return candidate.indent;
    limit = candidate.indent;
  }
  return indent;
}

// Changes made through the API (setText) do not call onChange.
const external = Annotation.define();

// ---- Diagnostics -----------------------------------------------------------

// A widget showing a diagnostic's message; equal when the message is.
class MessageCarrier extends WidgetType {
  constructor(message) {
    super();
    this.message = message;
  }
  eq(other) {
    return other.constructor === this.constructor && other.message === this.message;
  }
}

class MessageWidget extends MessageCarrier {
  toDOM() {
    const element = document.createElement('div');
    element.className = 'cm-py-error-msg';
    element.setAttribute('role', 'note');
    element.textContent = this.message;
    return element;
  }
}

// An underline on an empty line: a one-space box to draw it under.
class EmptyUnderline extends MessageCarrier {
  toDOM() {
    const element = document.createElement('span');
    element.className = 'cm-py-error cm-py-error-empty';
    element.title = this.message;
    element.textContent = ' ';
    return element;
  }
}

const errorLine = Decoration.line({ class: 'cm-py-error-line' });
const setDiagnosticsEffect = StateEffect.define();

/** The UTF-16 offset of the 1-based code point column `col` in `text`, clamped to it. */
function columnOffset(text, col) {
  let offset = 0;
  for (let i = 1; i < col && offset < text.length; i++) offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
  return Math.min(offset, text.length);
}

function diagnosticDecorations(doc, list) {
  const ranges = [];
  const seenLines = new Set();
  for (const diagnostic of list ?? []) {
    const number = Math.trunc(Number(diagnostic?.line));
    if (!(number >= 1)) continue;
    const line = doc.line(Math.min(number, doc.lines));
    const message = String(diagnostic.message ?? '');
    const col = Math.max(1, Math.trunc(Number(diagnostic.col)) || 1);
    if (!seenLines.has(line.number)) {
      seenLines.add(line.number);
      ranges.push(errorLine.range(line.from));
    }
    if (line.length === 0) {
      ranges.push(Decoration.widget({ widget: new EmptyUnderline(message), side: 1 }).range(line.from));
    } else {
      // From the column to the end of the line, at least the last character.
      const from = Math.min(line.from + columnOffset(line.text, col), line.to - 1);
      ranges.push(Decoration.mark({ class: 'cm-py-error', attributes: { title: message } }).range(from, line.to));
    }
    ranges.push(Decoration.widget({ widget: new MessageWidget(message), block: true, side: 1 }).range(line.to));
  }
  return Decoration.set(ranges, true);
}

const diagnosticsField = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const effect of tr.effects) if (effect.is(setDiagnosticsEffect)) value = diagnosticDecorations(tr.state.doc, effect.value);
    return value;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// ---- Task marks ------------------------------------------------------------

const KIND_ORDER = new Map([
  ['running', 0],
  ['waiting', 1],
  ['hover', 2],
]);

class TaskMarker extends GutterMarker {
  constructor(text, title, elementClass) {
    super();
    this.text = text;
    this.title = title;
    this.elementClass = elementClass;
  }
  eq(other) {
    return other.text === this.text && other.title === this.title && other.elementClass === this.elementClass;
  }
  toDOM() {
    const element = document.createElement('span');
    element.textContent = this.text;
    element.title = this.title;
    return element;
  }
}

const setMarksEffect = StateEffect.define();
const noMarks = { decorations: Decoration.none, gutter: RangeSet.empty };

function laneOf(mark) {
  const lane = Math.trunc(Number(mark.lane)) || 0;
  return ((lane % 8) + 8) % 8;
}

function markDecorations(doc, list) {
  // line number -> the marks on it, in priority order after the sort below
  const byLine = new Map();
  for (const mark of list ?? []) {
    const number = Math.trunc(Number(mark?.line));
    if (!(number >= 1 && number <= doc.lines) || !KIND_ORDER.has(mark.kind)) continue;
    let marks = byLine.get(number);
    if (!marks) byLine.set(number, (marks = []));
    marks.push(mark);
  }
  if (byLine.size === 0) return noMarks;
  const lines = [];
  const markers = [];
  for (const [number, marks] of byLine) {
    marks.sort((a, b) => KIND_ORDER.get(a.kind) - KIND_ORDER.get(b.kind)); // stable: input order within a kind
    const first = marks[0];
    const hover = marks.some((mark) => mark.kind === 'hover');
    const kind = first.kind === 'hover' ? '' : ` cm-task-${first.kind}`;
    const cls = `cm-task-line${kind}${hover ? ' cm-task-hover' : ''} cm-lane-${laneOf(first)}`;
    const from = doc.line(number).from;
    lines.push(Decoration.line({ class: cls }).range(from));
    const names = [];
    const described = [];
    for (const mark of marks) {
      const name = String(mark.task ?? '');
      if (names.includes(name)) continue;
      names.push(name);
      described.push(`${name} (${mark.kind})`);
    }
    const text = names.length > 1 ? `${names[0]} +${names.length - 1}` : names[0];
    const markClass = `cm-task-mark${first.kind === 'hover' ? '' : ` cm-task-mark-${first.kind}`}${hover ? ' cm-task-mark-hover' : ''}`;
    markers.push(new TaskMarker(text, described.join(', '), `${markClass} cm-lane-${laneOf(first)}`).range(from));
  }
  return { decorations: Decoration.set(lines, true), gutter: RangeSet.of(markers, true) };
}

const marksField = StateField.define({
  create: () => noMarks,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setMarksEffect)) return markDecorations(tr.state.doc, effect.value);
    if (!tr.docChanged || value === noMarks) return value;
    return { decorations: value.decorations.map(tr.changes), gutter: value.gutter.map(tr.changes) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

const taskSpacer = new TaskMarker('Task-10 +9', '', '');

const taskGutter = gutter({
  class: 'cm-task-gutter',
  markers: (view) => view.state.field(marksField).gutter,
  initialSpacer: () => taskSpacer,
});

// ---- The editor ------------------------------------------------------------

/** The marks as plain values (the caller may reuse its objects) and their identity. */
function readMarks(list) {
  const marks = [];
  let key = '';
  for (const mark of list ?? []) {
    const { line, kind, task, lane } = mark ?? {};
    marks.push({ line, kind, task, lane });
    key += `${line}\u0001${kind}\u0001${task}\u0001${lane}\u0002`;
  }
  return { marks, key };
}

function readOnlyExtension(readOnly) {
  return readOnly ? [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-readonly': 'true' })] : [];
}

/**
 * A Python editor in `parent`. options: { doc, label, readOnly, onChange(text), onRun(),
 * highlight: { classes, tokens(text) } } (see `highlighting`; without it, no colours).
 * onChange runs in a microtask after the user's edits (once for edits made
 * together), never inside CodeMirror's update, so it may call any method.
 */
export function createEditor(parent, options = {}) {
  const { doc = '', label = 'Python program', readOnly = false, onChange, onRun, highlight } = options ?? {};
  const readOnlyCompartment = new Compartment();
  let changePending = false;
  let destroyed = false;
  // setMarks: the last marks asked for, and at most one update per frame.
  let lastMarks = '';
  let marksFrame = 0;
  let pendingMarks = null;

  const notifyChange = () => {
    changePending = false;
    if (!destroyed && typeof onChange === 'function') onChange(view.state.doc.toString());
  };

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: String(doc),
      extensions: [
        taskGutter,
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        indentService.of(pythonIndent),
        EditorState.languageData.of(() => [{ indentOnInput: /^\s*(else:|elif |except |finally:)$/ }]),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlight?.tokens ? highlighting(highlight) : [],
        highlightActiveLine(),
        diagnosticsField,
        marksField,
        readOnlyCompartment.of(readOnlyExtension(readOnly)),
        EditorView.contentAttributes.of({ 'aria-label': String(label), tabindex: '0' }),
        EditorView.editorAttributes.of({ class: 'py-editor' }),
        keymap.of([
          {
            key: 'Mod-Enter',
            preventDefault: true,
            run: () => {
              if (typeof onRun !== 'function') return false;
              onRun();
              return true;
            },
          },
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          indentWithTab,
        ]),
        EditorView.updateListener.of((update) => {
          if (changePending || !update.docChanged) return;
          if (update.transactions.some((tr) => tr.docChanged && !tr.annotation(external))) {
            changePending = true;
            queueMicrotask(notifyChange);
          }
        }),
      ],
    }),
  });

  const dispatch = (spec) => {
    if (!destroyed) view.dispatch(spec);
  };

  // The first setMarks of a frame applies at once; later ones in the same
  // frame are merged into one update at the next animation frame.
  const applyMarks = (marks) => {
    view.dispatch({ effects: setMarksEffect.of(marks) });
    marksFrame = requestAnimationFrame(endMarksFrame);
  };
  const endMarksFrame = () => {
    marksFrame = 0;
    const marks = pendingMarks;
    pendingMarks = null;
    if (marks && !destroyed) applyMarks(marks);
  };

  return {
    getText() {
      return view.state.doc.toString();
    },
    setText(text) {
      text = String(text ?? '');
      if (destroyed || text === view.state.doc.toString()) return;
      lastMarks = '';
      pendingMarks = null;
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: EditorSelection.cursor(0),
        effects: [setDiagnosticsEffect.of([]), setMarksEffect.of([])],
        annotations: external.of(true),
      });
    },
    setReadOnly(value) {
      dispatch({ effects: readOnlyCompartment.reconfigure(readOnlyExtension(Boolean(value))) });
    },
    setDiagnostics(list) {
      dispatch({ effects: setDiagnosticsEffect.of(Array.from(list ?? [])) });
    },
    setMarks(list) {
      const { marks, key } = readMarks(list);
      if (destroyed || key === lastMarks) return;
      lastMarks = key;
      if (marksFrame) pendingMarks = marks;
      else applyMarks(marks);
    },
    goToLine(number) {
      if (destroyed) return;
      const { doc } = view.state;
      const line = doc.line(Math.min(Math.max(1, Math.trunc(Number(number)) || 1), doc.lines));
      view.dispatch({
        selection: EditorSelection.cursor(line.from),
        effects: EditorView.scrollIntoView(line.from, { y: 'center' }),
      });
      view.focus();
    },
    focus() {
      if (!destroyed) view.focus();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cancelAnimationFrame(marksFrame);
      view.destroy();
    },
  };
}
