using Acteon.Grains.Abstractions.Audit;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public abstract partial class StorageConformanceTests
{
    // ---- audit ----

    [Theory]
    [InlineData("namespace")]
    [InlineData("tenant")]
    [InlineData("provider")]
    [InlineData("action_type")]
    [InlineData("outcome")]
    [InlineData("verdict")]
    [InlineData("matched_rule")]
    [InlineData("caller_id")]
    [InlineData("chain_id")]
    public async Task QueryAsync_FilterOnOneField_ReturnsOnlyMatchingRecords(string field)
    {
        var store = CreateAuditStore();
        AuditRecord[] records = [Audit("a1", 1), Audit("a2", 2, field), Audit("a3", 3), Audit("a4", 4, field)];
        await store.AppendAsync(records, None);

        var query = field switch
        {
            "namespace" => new AuditQuery { Namespace = "other" },
            "tenant" => new AuditQuery { Tenant = "other" },
            "provider" => new AuditQuery { Provider = "other" },
            "action_type" => new AuditQuery { ActionType = "other" },
            "outcome" => new AuditQuery { Outcome = "other" },
            "verdict" => new AuditQuery { Verdict = "other" },
            "matched_rule" => new AuditQuery { MatchedRule = "other" },
            "caller_id" => new AuditQuery { CallerId = "other" },
            "chain_id" => new AuditQuery { ChainId = "other" },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        var page = await store.QueryAsync(query, None);

        Assert.Equal(["a4", "a2"], page.Records.Select(r => r.Id));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task QueryAsync_SeveralFilters_AllMustMatch()
    {
        var store = CreateAuditStore();
        await store.AppendAsync([Audit("a1", 1, "tenant"), Audit("a2", 2, "tenant", "provider"), Audit("a3", 3, "provider")], None);

        var page = await store.QueryAsync(new AuditQuery { Tenant = "other", Provider = "other" }, None);

        Assert.Equal("a2", Assert.Single(page.Records).Id);
    }

    [Fact]
    public async Task QueryAsync_FromAndTo_AreInclusiveBounds()
    {
        var store = CreateAuditStore();
        await store.AppendAsync([.. Enumerable.Range(1, 5).Select(i => Audit($"a{i}", i))], None);

        var page = await store.QueryAsync(new AuditQuery { From = T0.AddMinutes(2), To = T0.AddMinutes(4) }, None);
        var fromOnly = await store.QueryAsync(new AuditQuery { From = T0.AddMinutes(4) }, None);
        var toOnly = await store.QueryAsync(new AuditQuery { To = T0.AddMinutes(1) }, None);

        Assert.Equal(["a4", "a3", "a2"], page.Records.Select(r => r.Id));
        Assert.Equal(["a5", "a4"], fromOnly.Records.Select(r => r.Id));
        Assert.Equal(["a1"], toOnly.Records.Select(r => r.Id));
    }

    [Fact]
    public async Task QueryAsync_NoFilter_ReturnsNewestFirstWithTiesByIdDescending()
    {
        var store = CreateAuditStore();
        await store.AppendAsync([Audit("b", 1), Audit("c", 3), Audit("a", 2), Audit("d", 1)], None);

        var page = await store.QueryAsync(new AuditQuery(), None);

        Assert.Equal(["c", "a", "d", "b"], page.Records.Select(r => r.Id));
        Assert.Equal(4, page.Total);
    }

    [Fact]
    public async Task QueryAsync_LimitAndOffset_PageThroughWithTheFullTotal()
    {
        var store = CreateAuditStore();
        await store.AppendAsync([.. Enumerable.Range(1, 7).Select(i => Audit($"a{i}", i))], None);

        var first = await store.QueryAsync(new AuditQuery { Limit = 3 }, None);
        var second = await store.QueryAsync(new AuditQuery { Limit = 3, Offset = 3 }, None);
        var last = await store.QueryAsync(new AuditQuery { Limit = 3, Offset = 6 }, None);
        var beyond = await store.QueryAsync(new AuditQuery { Limit = 3, Offset = 10 }, None);

        Assert.Equal(["a7", "a6", "a5"], first.Records.Select(r => r.Id));
        Assert.Equal(["a4", "a3", "a2"], second.Records.Select(r => r.Id));
        Assert.Equal(["a1"], last.Records.Select(r => r.Id));
        Assert.Empty(beyond.Records);
        Assert.All([first, second, last, beyond], p => Assert.Equal(7, p.Total));
    }

    [Fact]
    public async Task QueryAsync_Record_RoundTripsItsFields()
    {
        var store = CreateAuditStore();
        var record = Audit("a1", 1) with
        {
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
            DurationMs = 42,
            ExpiresAt = T0.AddDays(30),
            AuthMethod = "api_key",
        };
        await store.AppendAsync([record], None);

        var read = Assert.Single((await store.QueryAsync(new AuditQuery(), None)).Records);

        Assert.Equal((record.Id, record.ActionId, record.ChainId, record.Namespace, record.Tenant, record.Provider, record.ActionType),
            (read.Id, read.ActionId, read.ChainId, read.Namespace, read.Tenant, read.Provider, read.ActionType));
        Assert.Equal((record.Verdict, record.MatchedRule, record.Outcome, record.CallerId, record.AuthMethod, record.DurationMs),
            (read.Verdict, read.MatchedRule, read.Outcome, read.CallerId, read.AuthMethod, read.DurationMs));
        Assert.Equal((record.DispatchedAt, record.CompletedAt, record.ExpiresAt), (read.DispatchedAt, read.CompletedAt, read.ExpiresAt));
        Assert.Equal("v", read.Metadata["k"]);
    }

    [Fact]
    public async Task AppendAsync_SameRecordIdAgain_KeepsOneRecord()
    {
        var store = CreateAuditStore();
        var record = Audit("a1", 1);

        await store.AppendAsync([record], None);
        await store.AppendAsync([record, Audit("a2", 2)], None);

        var page = await store.QueryAsync(new AuditQuery(), None);
        Assert.Equal(["a2", "a1"], page.Records.Select(r => r.Id));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task GetByActionIdAsync_SeveralRecordsOfOneAction_ReturnsTheMostRecent()
    {
        var store = CreateAuditStore();
        await store.AppendAsync([Audit("r1", 1) with { ActionId = "act" }, Audit("r3", 3) with { ActionId = "act" },
            Audit("r2", 2) with { ActionId = "act" }, Audit("r4", 4) with { ActionId = "other" }], None);

        var found = await store.GetByActionIdAsync("act", None);

        Assert.Equal("r3", found?.Id);
        Assert.Null(await store.GetByActionIdAsync("missing", None));
    }

    [Fact]
    public async Task Audit_DeleteExpiredAsync_RemovesOnlyExpiredRecords()
    {
        var store = CreateAuditStore();
        await store.AppendAsync([Audit("old", 0) with { ExpiresAt = T0.AddMinutes(5) }, Audit("new", 1) with { ExpiresAt = T0.AddDays(1) }, Audit("kept", 2)], None);

        var deleted = await store.DeleteExpiredAsync(T0.AddMinutes(10), None);

        Assert.Equal(1, deleted);
        Assert.Null(await store.GetByActionIdAsync("action-old", None));
        Assert.Equal(2, (await store.QueryAsync(new AuditQuery(), None)).Total);
    }
}
