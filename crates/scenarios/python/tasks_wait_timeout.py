{{?defaults}}
# asyncio.wait returns (done, pending); with timeout=2 and 2-second tasks all
# three are still pending. print(done) would show Task reprs with addresses, so
# the done results and the pending count are printed instead.
{{:}}
# asyncio.wait returns (done, pending) once the timeout expires or every task is
# done (a timeout and a sleep ending together: the timeout fires first).
# print(done) would show Task reprs with addresses, so the done results and the
# pending count are printed instead.
{{/}}
import asyncio


async def func(aa):
    print("%s>>start" % aa)
    await asyncio.sleep({{delay}})
    print("%s>>end" % aa)
    return "func结束了,返回值是%s" % aa


async def main():
    takslist = [asyncio.ensure_future(func("func%d" % i))
                for i in range(1, {{tasks|plus1}})]
    done, pending = await asyncio.wait(takslist, timeout={{timeout_or_none}})
    print("done:", [t.result() for t in takslist if t in done])   # print(done)
    print("pending:", len(pending))

asyncio.run(main())
