using System.Text.Json;
using Acteon.Grains.Abstractions.Audit;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public abstract partial class StorageConformanceTests
{
    // ---- audit records a store cannot keep, and the dead-letter table ----

    [Fact]
    public async Task AppendAsync_RecordWithTextNoSerializerCanWrite_RejectedForItsContent()
    {
        var store = CreateAuditStore();
        using var payload = JsonDocument.Parse("{\"\\ud800\":\"lone surrogate\"}");
        var poison = Audit("p1", 1) with { ActionPayload = payload.RootElement.Clone() };

        await Assert.ThrowsAsync<AuditRecordRejectedException>(() => store.AppendAsync([poison], None));

        // The store is not broken by it: a good record is written and read back (GET /v1/audit keeps working).
        await store.AppendAsync([Audit("a1", 2)], None);
        var page = await store.QueryAsync(new AuditQuery(), None);
        Assert.Equal("a1", Assert.Single(page.Records).Id);
    }

    [Fact]
    public async Task AppendDeadLetterAsync_Letters_ReadBackNewestFirstWithTheirFields()
    {
        var store = CreateAuditStore();
        await store.AppendDeadLetterAsync(Letter("r1", "bad text"), 10, None);
        await store.AppendDeadLetterAsync(Letter("r2", "too large"), 10, None);

        var page = await store.ReadDeadLettersAsync(10, None);

        Assert.Equal(2, page.Total);
        Assert.Equal(["r2", "r1"], page.Letters.Select(l => l.RecordId));
        Assert.Equal(Letter("r2", "too large"), page.Letters[0]);
    }

    [Fact]
    public async Task AppendDeadLetterAsync_PastTheCapacity_KeepsTheNewest()
    {
        var store = CreateAuditStore();
        for (var i = 0; i < 7; i++)
        {
            await store.AppendDeadLetterAsync(Letter($"r{i}", "x"), 3, None);
        }

        var page = await store.ReadDeadLettersAsync(10, None);

        Assert.Equal(3, page.Total);
        Assert.Equal(["r6", "r5", "r4"], page.Letters.Select(l => l.RecordId));
    }

    [Fact]
    public async Task AppendDeadLetterAsync_SameRecordTwice_KeepsOneLetter()
    {
        var store = CreateAuditStore();
        await store.AppendDeadLetterAsync(Letter("r1", "x"), 10, None);
        await store.AppendDeadLetterAsync(Letter("r1", "x"), 10, None);

        Assert.Equal(1, (await store.ReadDeadLettersAsync(10, None)).Total);
    }

    private static AuditDeadLetter Letter(string id, string reason) => new()
    {
        RecordId = id, ActionId = "action-" + id, Namespace = "ns", Tenant = "tenant-1", Provider = "log", ActionType = "send",
        Outcome = "executed", DispatchedAt = T0, FailedAt = T0.AddSeconds(1), Reason = reason,
        Record = "{\"id\":\"" + id + "\",\"action_payload\":\"{\\\"\\\\ud800\\\":1}\"}",
    };
}
