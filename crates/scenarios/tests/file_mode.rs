//! `asyncio-play --file`: pyrun.py's output and exit statuses.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn play(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asyncio-play"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("asyncio-play runs");
    if let Some(text) = stdin {
        child.stdin.take().expect("stdin").write_all(text.as_bytes()).expect("write");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("exits")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn program(name: &str, src: &str) -> String {
    let dir = std::env::temp_dir().join(format!("asyncio-play-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, src).expect("write program");
    path.to_string_lossy().into_owned()
}

const HELLO: &str = "import asyncio\nasync def main():\n    await asyncio.sleep(0.5)\n    print('hello')\n    raise ValueError('boom')\nasyncio.run(main())\n";

#[test]
fn a_program_prints_its_trace_and_an_escaping_exception_exits_0() {
    let out = play(&["--file", &program("hello.py", HELLO)], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "[    0.500] hello\n[    0.500] Traceback: ValueError: boom\n");
    assert!(text(&out.stderr).contains("ValueError: boom"));
}

#[test]
fn dash_reads_the_program_from_stdin() {
    let out = play(&["--file", "-"], Some("print(6 * 7)\n"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "[    0.000] 42\n");
}

#[test]
fn cpus_sizes_the_default_executor() {
    let src = "import asyncio, time\ndef job(i):\n    time.sleep(1)\nasync def main():\n    loop = asyncio.get_running_loop()\n    await asyncio.gather(*[loop.run_in_executor(None, job, i) for i in range(6)])\n    print(loop.time())\nasyncio.run(main())\n";
    let path = program("pool.py", src);
    assert_eq!(text(&play(&["--file", &path], None).stdout), "[    1.000] 1.0\n");
    assert_eq!(text(&play(&["--file", &path, "--cpus", "1"], None).stdout), "[    2.000] 2.0\n");
}

#[test]
fn a_syntax_error_is_file_line_col_and_exit_4() {
    let path = program("bad.py", "print('ok')\nx = (1,\n");
    let out = play(&["--file", &path], None);
    assert_eq!(out.status.code(), Some(4));
    assert!(out.stdout.is_empty());
    assert_eq!(text(&out.stderr), format!("{path}:2:5: SyntaxError: '(' was never closed\n"));
    let out = play(&["--file", "-"], Some("import threading\n"));
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stderr).starts_with("<stdin>:1:8: ModuleNotFoundError: No module named 'threading'"));
}

#[test]
fn a_runaway_exits_3() {
    let out = play(&["--file", "-", "--max-steps", "1000"], Some("while True:\n    pass\n"));
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stdout).starts_with("[    0.000] runaway: the program ran 1000 statements"));
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        vec!["--file"],
        vec!["--file", "x.py", "--cpus", "0"],
        vec!["--file", "x.py", "--bogus"],
        vec!["--file", "/nonexistent/prog.py"],
        vec!["--file", "-", "--max-steps", "many"],
    ] {
        let out = play(&args, Some(""));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
        assert!(text(&out.stderr).starts_with("asyncio-play: "), "{args:?}");
    }
}

#[test]
fn sys_exit_ends_the_program_with_its_code_as_pyrun_does() {
    let src = "import sys\nprint('bye')\nsys.exit(5)\nprint('never')\n";
    let out = play(&["--file", "-"], Some(src));
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(text(&out.stdout), "[    0.000] bye\n");
    let out = play(&["--file", "-"], Some("raise SystemExit\n"));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}
