using Acteon.Grains.Abstractions.Groups;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public abstract partial class StorageConformanceTests
{
    protected abstract IGroupEventLog CreateGroupEventLog();

    protected abstract IGroupIndex CreateGroupIndex();

    [Fact]
    public async Task GroupEventLog_AppendReadDelete_ByKeyAndLogInSequenceOrder()
    {
        var log = CreateGroupEventLog();
        var key = "ns:t:" + Guid.NewGuid().ToString("N");
        await log.AppendAsync(key, "log-1", [new("e2", 2, [2]), new("e1", 1, [1])], None);
        await log.AppendAsync(key, "log-1", [new("e3", 3, [3, 3]), new("e1", 9, [9])], None);
        await log.AppendAsync(key, "log-2", [new("e4", 1, [4])], None);
        await log.AppendAsync(key + "-other", "log-1", [new("x", 1, [7])], None);

        var first = await log.ReadAsync(key, "log-1", None);
        Assert.Equal(["e1:1:1", "e2:2:2", "e3:3:33"], first.Select(r => $"{r.EventId}:{r.Seq}:{string.Concat(r.Data)}"));
        Assert.Equal(["e4"], (await log.ReadAsync(key, "log-2", None)).Select(r => r.EventId));

        await log.DeleteAsync(key, "log-2", None);

        Assert.Empty(await log.ReadAsync(key, "log-1", None));
        Assert.Equal(["e4"], (await log.ReadAsync(key, "log-2", None)).Select(r => r.EventId));

        await log.DeleteAsync(key, null, None);

        Assert.Empty(await log.ReadAsync(key, "log-2", None));
        Assert.Equal(["x"], (await log.ReadAsync(key + "-other", "log-1", None)).Select(r => r.EventId));
    }

    [Fact]
    public async Task GroupIndex_AddListRemove_ByScopeInKeyOrderPaged()
    {
        var index = CreateGroupIndex();
        var tenant = "t-" + Guid.NewGuid().ToString("N");
        foreach (var key in new[] { "c", "a", "d", "b", "a" })
        {
            await index.AddAsync("ns", tenant, key, None);
        }

        await index.AddAsync("ns", tenant + "-other", "x", None);
        await index.AddAsync("ns-other", tenant, "y", None);

        var page = await index.ListAsync("ns", tenant, 1, 2, None);
        Assert.Equal(["b", "c"], page.Keys);
        Assert.Equal(4, page.Total);

        await index.RemoveAsync("ns", tenant, "b", None);
        await index.RemoveAsync("ns", tenant, "missing", None);

        var all = await index.ListAsync("ns", tenant, 0, 50, None);
        Assert.Equal(["a", "c", "d"], all.Keys);
        Assert.Equal(3, all.Total);
        Assert.Equal(["x"], (await index.ListAsync("ns", tenant + "-other", 0, 50, None)).Keys);
        Assert.Equal(0, (await index.ListAsync("ns", "nobody-" + tenant, 0, 50, None)).Total);
    }
}
