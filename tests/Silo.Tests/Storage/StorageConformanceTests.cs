using System.Text;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Abstractions.Runtime;
using Acteon.Silo.Storage;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

/// <summary>
/// The contract every storage backend keeps. A backend's test class inherits this and says how to build its stores;
/// each test gets fresh, empty stores.
/// </summary>
public abstract class StorageConformanceTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly GrainId Grain = new("conformance", "ns:tenant:key");
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IGrainStateStore CreateGrainStateStore();

    protected abstract IReminderStore CreateReminderStore();

    protected abstract IMembershipStore CreateMembershipStore();

    protected abstract IAuditStore CreateAuditStore();

    // ---- grain state ----

    [Fact]
    public async Task DeleteExpiredAsync_RemovesOnlyRowsPastTheirExpiry()
    {
        var store = CreateGrainStateStore();
        GrainId expired = new("conformance", "expired"), later = new("conformance", "later"), forever = new("conformance", "forever");
        await store.WriteAsync(expired, "state", Bytes("a"), null, T0.AddMinutes(-1), None);
        await store.WriteAsync(later, "state", Bytes("b"), null, T0.AddMinutes(1), None);
        await store.WriteAsync(forever, "state", Bytes("c"), null, None);

        var deleted = await store.DeleteExpiredAsync(T0, 100, None);

        Assert.Equal(1, deleted);
        Assert.Null(await store.ReadAsync(expired, "state", None));
        Assert.NotNull(await store.ReadAsync(later, "state", None));
        Assert.NotNull(await store.ReadAsync(forever, "state", None));
    }

    [Fact]
    public async Task DeleteExpiredAsync_RowRewrittenWithoutExpiry_IsKept()
    {
        var store = CreateGrainStateStore();
        var etag = await store.WriteAsync(Grain, "state", Bytes("a"), null, T0.AddMinutes(-1), None);
        await store.WriteAsync(Grain, "state", Bytes("b"), etag, null, None);

        Assert.Equal(0, await store.DeleteExpiredAsync(T0, 100, None));
        Assert.Equal("b", Text((await store.ReadAsync(Grain, "state", None))!.Data));
    }

    [Fact]
    public async Task DeleteExpiredAsync_AfterDelete_StaleETagConflictsAndInsertWorks()
    {
        var store = CreateGrainStateStore();
        var etag = await store.WriteAsync(Grain, "state", Bytes("a"), null, T0.AddMinutes(-1), None);
        await store.DeleteExpiredAsync(T0, 100, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("b"), etag, None));
        Assert.False(string.IsNullOrEmpty(await store.WriteAsync(Grain, "state", Bytes("c"), null, None)));
    }

    [Fact]
    public async Task DeleteExpiredAsync_RespectsTheBatchLimit()
    {
        var store = CreateGrainStateStore();
        for (var i = 0; i < 5; i++)
        {
            await store.WriteAsync(new GrainId("conformance", $"k{i}"), "state", Bytes("x"), null, T0.AddMinutes(-1), None);
        }

        Assert.Equal(3, await store.DeleteExpiredAsync(T0, 3, None));
        Assert.Equal(2, await store.DeleteExpiredAsync(T0, 3, None));
    }

    [Fact]
    public async Task ReadAsync_NothingStored_ReturnsNull()
    {
        var store = CreateGrainStateStore();

        Assert.Null(await store.ReadAsync(Grain, "state", None));
    }

    [Fact]
    public async Task WriteAsync_NullETagOnMissingRow_InsertsAndReturnsTheStoredETag()
    {
        var store = CreateGrainStateStore();

        var etag = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);

        var stored = await store.ReadAsync(Grain, "state", None);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal("one", Text(stored!.Data));
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task WriteAsync_NullETagOnExistingRow_ThrowsAndKeepsTheRow()
    {
        var store = CreateGrainStateStore();
        var etag = await store.WriteAsync(Grain, "state", Bytes("first"), null, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("second"), null, None));

        var stored = await store.ReadAsync(Grain, "state", None);
        Assert.Equal("first", Text(stored!.Data));
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task WriteAsync_CurrentETag_UpdatesAndChangesTheETag()
    {
        var store = CreateGrainStateStore();
        var first = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);

        var second = await store.WriteAsync(Grain, "state", Bytes("two"), first, None);

        Assert.NotEqual(first, second);
        var stored = await store.ReadAsync(Grain, "state", None);
        Assert.Equal("two", Text(stored!.Data));
        Assert.Equal(second, stored.ETag);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsAndKeepsTheNewerWrite()
    {
        var store = CreateGrainStateStore();
        var first = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);
        var second = await store.WriteAsync(Grain, "state", Bytes("two"), first, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("stale"), first, None));

        var stored = await store.ReadAsync(Grain, "state", None);
        Assert.Equal("two", Text(stored!.Data));
        Assert.Equal(second, stored.ETag);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("not-an-etag")]
    public async Task WriteAsync_ETagButNothingStored_Throws(string etag)
    {
        var store = CreateGrainStateStore();

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("x"), etag, None));

        Assert.Null(await store.ReadAsync(Grain, "state", None));
    }

    [Fact]
    public async Task WriteAsync_ETagFromBeforeAClearAndReinsert_Throws()
    {
        var store = CreateGrainStateStore();
        var old = await store.WriteAsync(Grain, "state", Bytes("old"), null, None);
        await store.ClearAsync(Grain, "state", old, None);
        await store.WriteAsync(Grain, "state", Bytes("new"), null, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(Grain, "state", Bytes("lost update"), old, None));

        Assert.Equal("new", Text((await store.ReadAsync(Grain, "state", None))!.Data));
    }

    [Fact]
    public async Task WriteAsync_KeysDifferInTypeKeyOrStateName_AreSeparateRows()
    {
        var store = CreateGrainStateStore();
        await store.WriteAsync(Grain, "a", Bytes("a"), null, None);
        await store.WriteAsync(Grain, "b", Bytes("b"), null, None);
        await store.WriteAsync(Grain with { Key = "other" }, "a", Bytes("other key"), null, None);
        await store.WriteAsync(Grain with { Type = "other" }, "a", Bytes("other type"), null, None);

        Assert.Equal("a", Text((await store.ReadAsync(Grain, "a", None))!.Data));
        Assert.Equal("b", Text((await store.ReadAsync(Grain, "b", None))!.Data));
        Assert.Equal("other key", Text((await store.ReadAsync(Grain with { Key = "other" }, "a", None))!.Data));
        Assert.Equal("other type", Text((await store.ReadAsync(Grain with { Type = "other" }, "a", None))!.Data));
    }

    [Fact]
    public async Task ClearAsync_CurrentETag_DeletesTheRow()
    {
        var store = CreateGrainStateStore();
        var etag = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);

        await store.ClearAsync(Grain, "state", etag, None);

        Assert.Null(await store.ReadAsync(Grain, "state", None));
        Assert.False(string.IsNullOrEmpty(await store.WriteAsync(Grain, "state", Bytes("again"), null, None)));
    }

    [Fact]
    public async Task ClearAsync_StaleETag_ThrowsAndKeepsTheRow()
    {
        var store = CreateGrainStateStore();
        var first = await store.WriteAsync(Grain, "state", Bytes("one"), null, None);
        await store.WriteAsync(Grain, "state", Bytes("two"), first, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(Grain, "state", first, None));

        Assert.Equal("two", Text((await store.ReadAsync(Grain, "state", None))!.Data));
    }

    [Fact]
    public async Task ClearAsync_NullETag_SucceedsWhenMissingAndThrowsWhenStored()
    {
        var store = CreateGrainStateStore();

        await store.ClearAsync(Grain, "state", null, None);
        await store.WriteAsync(Grain, "state", Bytes("one"), null, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(Grain, "state", null, None));
        Assert.NotNull(await store.ReadAsync(Grain, "state", None));
    }

    // ---- reminders ----

    [Fact]
    public async Task UpsertAsync_NewReminder_GetReturnsIt()
    {
        var store = CreateReminderStore();

        var entry = await store.UpsertAsync(Grain, "r", T0, TimeSpan.FromMinutes(5), None);

        Assert.Equal(new ReminderEntry(Grain, "r", T0, TimeSpan.FromMinutes(5), entry.Version), entry);
        Assert.False(string.IsNullOrEmpty(entry.Version));
        Assert.Equal(entry, await store.GetAsync(Grain, "r", None));
        Assert.Null(await store.GetAsync(Grain, "other", None));
    }

    [Fact]
    public async Task UpsertAsync_ExistingClaimedReminder_ReplacesItWithANewVersionAndFreesTheLease()
    {
        var store = CreateReminderStore();
        var first = await store.UpsertAsync(Grain, "r", T0, TimeSpan.Zero, None);
        Assert.Single(await store.ClaimDueAsync(T0, "node-a", TimeSpan.FromMinutes(10), 10, None));

        var second = await store.UpsertAsync(Grain, "r", T0.AddSeconds(1), TimeSpan.FromSeconds(30), None);

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second, await store.GetAsync(Grain, "r", None));
        Assert.Equal([second], await store.ClaimDueAsync(T0.AddSeconds(1), "node-b", TimeSpan.FromMinutes(10), 10, None));
    }

    [Fact]
    public async Task RemoveAsync_Reminder_IsGoneAndRemovingAgainIsHarmless()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "r", T0, TimeSpan.Zero, None);

        await store.RemoveAsync(Grain, "r", None);
        await store.RemoveAsync(Grain, "r", None);

        Assert.Null(await store.GetAsync(Grain, "r", None));
        Assert.Empty(await store.ClaimDueAsync(T0.AddDays(1), "node", TimeSpan.FromMinutes(1), 10, None));
    }

    [Fact]
    public async Task ClaimDueAsync_MixedDueTimes_ReturnsOnlyRowsDueByNow()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "past", T0.AddSeconds(-1), TimeSpan.Zero, None);
        await store.UpsertAsync(Grain, "now", T0, TimeSpan.Zero, None);
        await store.UpsertAsync(Grain, "future", T0.AddSeconds(1), TimeSpan.Zero, None);

        var claimed = await store.ClaimDueAsync(T0, "node", TimeSpan.FromMinutes(1), 10, None);

        Assert.Equal(["now", "past"], claimed.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClaimDueAsync_MoreDueThanMax_ClaimsTheEarliest()
    {
        var store = CreateReminderStore();
        for (var i = 4; i >= 0; i--)
        {
            await store.UpsertAsync(Grain, $"r{i}", T0.AddSeconds(i), TimeSpan.Zero, None);
        }

        var first = await store.ClaimDueAsync(T0.AddMinutes(1), "node", TimeSpan.FromMinutes(1), 2, None);
        var rest = await store.ClaimDueAsync(T0.AddMinutes(1), "node", TimeSpan.FromMinutes(1), 10, None);

        Assert.Equal(["r0", "r1"], first.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["r2", "r3", "r4"], rest.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClaimDueAsync_ClaimedRow_NotClaimedAgainUntilItsLeaseEnds()
    {
        var store = CreateReminderStore();
        var entry = await store.UpsertAsync(Grain, "r", T0, TimeSpan.Zero, None);
        Assert.Equal([entry], await store.ClaimDueAsync(T0, "node-a", TimeSpan.FromSeconds(30), 10, None));

        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(29), "node-b", TimeSpan.FromSeconds(30), 10, None));
        Assert.Equal([entry], await store.ClaimDueAsync(T0.AddSeconds(31), "node-b", TimeSpan.FromSeconds(30), 10, None));
        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(32), "node-a", TimeSpan.FromSeconds(30), 10, None));
    }

    [Fact]
    public async Task CompleteAsync_WithNextDue_MovesTheReminderAndFreesTheLease()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "r", T0, TimeSpan.FromMinutes(1), None);
        var claimed = Assert.Single(await store.ClaimDueAsync(T0, "node", TimeSpan.FromMinutes(10), 10, None));

        await store.CompleteAsync(claimed, T0.AddMinutes(1), None);

        Assert.Equal(claimed with { DueAt = T0.AddMinutes(1) }, await store.GetAsync(Grain, "r", None));
        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(59), "node", TimeSpan.FromMinutes(10), 10, None));
        Assert.Single(await store.ClaimDueAsync(T0.AddMinutes(1), "other", TimeSpan.FromMinutes(10), 10, None));
    }

    [Fact]
    public async Task CompleteAsync_WithoutNextDue_DeletesTheReminder()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "r", T0, TimeSpan.Zero, None);
        var claimed = Assert.Single(await store.ClaimDueAsync(T0, "node", TimeSpan.FromMinutes(10), 10, None));

        await store.CompleteAsync(claimed, null, None);

        Assert.Null(await store.GetAsync(Grain, "r", None));
    }

    [Fact]
    public async Task CompleteAsync_ReminderReRegisteredMeanwhile_ChangesNothing()
    {
        var store = CreateReminderStore();
        await store.UpsertAsync(Grain, "r", T0, TimeSpan.FromMinutes(1), None);
        var old = Assert.Single(await store.ClaimDueAsync(T0, "node", TimeSpan.FromMinutes(10), 10, None));
        var current = await store.UpsertAsync(Grain, "r", T0.AddHours(1), TimeSpan.FromMinutes(5), None);

        await store.CompleteAsync(old, T0.AddMinutes(1), None);
        await store.CompleteAsync(old, null, None);

        Assert.Equal(current, await store.GetAsync(Grain, "r", None));
    }

    [Fact]
    public async Task NextDueAsync_ReturnsTheEarliestDueTimeOrNull()
    {
        var store = CreateReminderStore();
        Assert.Null(await store.NextDueAsync(None));

        await store.UpsertAsync(Grain, "late", T0.AddHours(2), TimeSpan.Zero, None);
        await store.UpsertAsync(Grain with { Key = "k2" }, "early", T0.AddHours(1), TimeSpan.Zero, None);

        Assert.Equal(T0.AddHours(1), await store.NextDueAsync(None));
    }

    // ---- membership ----

    [Fact]
    public async Task UpsertAsync_Membership_ListReturnsRowsOrderedByNodeId()
    {
        var store = CreateMembershipStore();
        var b = new MembershipEntry("node-b", "10.0.0.2", T0, T0, "active");
        var a = new MembershipEntry("node-a", "10.0.0.1", T0.AddMinutes(1), T0.AddMinutes(1), "active");

        await store.UpsertAsync(b, None);
        await store.UpsertAsync(a, None);

        Assert.Equal([a, b], await store.ListAsync(None));
    }

    [Fact]
    public async Task UpsertAsync_ExistingNode_ReplacesTheRow()
    {
        var store = CreateMembershipStore();
        await store.UpsertAsync(new MembershipEntry("node", "10.0.0.1", T0, T0.AddSeconds(5), "dead"), None);
        var restarted = new MembershipEntry("node", "10.0.0.9", T0.AddHours(1), T0.AddHours(1), "active");

        await store.UpsertAsync(restarted, None);

        Assert.Equal([restarted], await store.ListAsync(None));
    }

    [Fact]
    public async Task HeartbeatAsync_RegisteredNode_UpdatesOnlyTheHeartbeat()
    {
        var store = CreateMembershipStore();
        var entry = new MembershipEntry("node", "10.0.0.1", T0, T0, "active");
        await store.UpsertAsync(entry, None);

        await store.HeartbeatAsync("node", T0.AddSeconds(5), None);

        Assert.Equal([entry with { LastHeartbeat = T0.AddSeconds(5) }], await store.ListAsync(None));
    }

    [Fact]
    public async Task SetStatusAsync_RegisteredNode_UpdatesOnlyTheStatus()
    {
        var store = CreateMembershipStore();
        var entry = new MembershipEntry("node", "10.0.0.1", T0, T0, "active");
        await store.UpsertAsync(entry, None);

        await store.SetStatusAsync("node", "dead", None);
        await store.SetStatusAsync("unknown", "dead", None);

        Assert.Equal([entry with { Status = "dead" }], await store.ListAsync(None));
    }

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

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

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

    private static string Text(byte[] data) => Encoding.UTF8.GetString(data);

    /// <summary>A record dispatched <paramref name="minute"/> minutes after T0; each field in <paramref name="other"/> is set to "other".</summary>
    private static AuditRecord Audit(string id, int minute, params string[] other)
    {
        string Value(string field, string normal) => other.Contains(field) ? "other" : normal;
        return new AuditRecord
        {
            Id = id,
            ActionId = "action-" + id,
            ChainId = Value("chain_id", "chain-1"),
            Namespace = Value("namespace", "ns"),
            Tenant = Value("tenant", "tenant-1"),
            Provider = Value("provider", "email"),
            ActionType = Value("action_type", "send"),
            Verdict = Value("verdict", "allow"),
            MatchedRule = Value("matched_rule", "rule-1"),
            Outcome = Value("outcome", "executed"),
            CallerId = Value("caller_id", "caller-1"),
            DispatchedAt = T0.AddMinutes(minute),
            CompletedAt = T0.AddMinutes(minute).AddSeconds(1),
        };
    }
}
