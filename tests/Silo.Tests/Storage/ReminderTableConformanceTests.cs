using Xunit;

namespace Acteon.Silo.Tests.Storage;

/// <summary>
/// The contract of Orleans' <see cref="IReminderTable"/> that every backend of the project keeps: ETags that change
/// on every upsert, removal only with the current ETag, and ring-range reads including the wrap-around.
/// </summary>
public abstract class ReminderTableConformanceTests
{
    private static readonly DateTime Start = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A fresh, empty table of the service <paramref name="serviceId"/>.</summary>
    protected abstract IReminderTable CreateTable(string serviceId = "conformance");

    private static GrainId Grain(int i) => GrainId.Create("scheduled-action", $"ns:tenant:{i}");

    private static ReminderEntry Entry(GrainId grain, string name = "dispatch", int minutes = 0) => new()
    {
        GrainId = grain, ReminderName = name, StartAt = Start.AddMinutes(minutes), Period = TimeSpan.FromSeconds(90),
    };

    [Fact]
    public async Task UpsertRow_New_ReadRowReturnsItExactly()
    {
        var table = CreateTable();

        var etag = await table.UpsertRow(Entry(Grain(1)));
        var row = await table.ReadRow(Grain(1), "dispatch");

        Assert.NotNull(row);
        Assert.Equal((Grain(1), "dispatch", Start, TimeSpan.FromSeconds(90), etag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
    }

    [Fact]
    public async Task UpsertRow_Existing_ReplacesItWithANewETag()
    {
        var table = CreateTable();
        var first = await table.UpsertRow(Entry(Grain(1)));

        var second = await table.UpsertRow(Entry(Grain(1), minutes: 5));

        Assert.NotEqual(first, second);
        var row = await table.ReadRow(Grain(1), "dispatch");
        Assert.Equal((Start.AddMinutes(5), second), (row!.StartAt, row.ETag));
        Assert.Single((await table.ReadRows(Grain(1))).Reminders);
    }

    [Fact]
    public async Task RemoveRow_OnlyWithTheCurrentETag()
    {
        var table = CreateTable();
        var old = await table.UpsertRow(Entry(Grain(1)));
        var current = await table.UpsertRow(Entry(Grain(1)));

        Assert.False(await table.RemoveRow(Grain(1), "dispatch", old!));
        Assert.False(await table.RemoveRow(Grain(1), "dispatch", "not-an-etag"));
        Assert.True(await table.RemoveRow(Grain(1), "dispatch", current!));
        Assert.False(await table.RemoveRow(Grain(1), "dispatch", current!));
        Assert.Null(await table.ReadRow(Grain(1), "dispatch"));
    }

    [Fact]
    public async Task ReadRows_ByGrain_ReturnsEveryReminderOfThatGrainOnly()
    {
        var table = CreateTable();
        await table.UpsertRow(Entry(Grain(1), "a"));
        await table.UpsertRow(Entry(Grain(1), "b"));
        await table.UpsertRow(Entry(Grain(2), "a"));

        var rows = await table.ReadRows(Grain(1));

        Assert.Equal(["a", "b"], rows.Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadRows_Range_IsAboveBeginAndUpToEnd()
    {
        var table = CreateTable();
        var grains = await UpsertManyAsync(table);
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        uint begin = hashes[3], end = hashes[10];

        var rows = await table.ReadRows(begin, end);

        Assert.Equal(hashes[4..11], rows.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order());
    }

    [Fact]
    public async Task ReadRows_RangeThatWraps_IsAboveBeginOrUpToEnd()
    {
        var table = CreateTable();
        var grains = await UpsertManyAsync(table);
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        uint begin = hashes[15], end = hashes[2];

        var rows = await table.ReadRows(begin, end);

        Assert.Equal([.. hashes[..3], .. hashes[16..]], rows.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order());
    }

    [Fact]
    public async Task ReadRows_BeginEqualsEnd_IsTheWholeRing()
    {
        var table = CreateTable();
        var grains = await UpsertManyAsync(table);
        var begin = grains[0].GetUniformHashCode();

        Assert.Equal(grains.Length, (await table.ReadRows(begin, begin)).Reminders.Count);
    }

    [Fact]
    public async Task ReadRows_OtherService_SeesNone()
    {
        var table = CreateTable();
        await UpsertManyAsync(table);
        var other = CreateTable("other-service");

        Assert.Empty((await other.ReadRows(0, 0)).Reminders);
        Assert.Null(await other.ReadRow(Grain(0), "dispatch"));
    }

    private static async Task<GrainId[]> UpsertManyAsync(IReminderTable table)
    {
        var grains = Enumerable.Range(0, 20).Select(Grain).ToArray();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain));
        }

        return grains;
    }
}
