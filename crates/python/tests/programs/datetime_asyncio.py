# datetime with asyncio: intervals measured on the virtual clock, isoformat, an aware datetime
import asyncio
from datetime import datetime, timedelta, timezone

async def job(name: str, every: timedelta, runs: int) -> None:
    for _ in range(runs):
        await asyncio.sleep(every.total_seconds())
        print(f"{name} ran; interval={every}")

async def main():
    start = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
    print(start.isoformat(), (start + timedelta(hours=1, minutes=30)).strftime("%H:%M"))
    await asyncio.gather(job("a", timedelta(milliseconds=300), 2), job("b", timedelta(seconds=0.5), 1))

asyncio.run(main())
