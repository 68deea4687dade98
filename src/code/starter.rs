//! The program "Write your own" opens with: short, and showing what the
//! page shows best (tasks side by side, their lines and a shared lock).

/// The starter program.
pub const STARTER: &str = r#"import asyncio


async def worker(name, delay, lock):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    async with lock:
        print(f"{name} has the lock")
        await asyncio.sleep(0.5)
    return f"{name} done"


async def main():
    lock = asyncio.Lock()
    results = await asyncio.gather(
        worker("A", 1, lock),
        worker("B", 1, lock),
        worker("C", 0.2, lock),
    )
    print(results)


asyncio.run(main())
"#;
