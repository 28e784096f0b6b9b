using System.Globalization;
using Npgsql;

namespace Acteon.Bench;

/// <summary>
/// <c>cluster</c>: dispatch throughput with dedup on (every request a new dedup_key), closed loop, in one run:
/// one node on SQLite, one node on PostgreSQL, three nodes on one PostgreSQL (requests spread evenly). Targets:
/// PostgreSQL at least 0.5 of SQLite; three nodes no slower than one.
/// </summary>
internal static class ClusterBenchmark
{
    private const int PoolSize = 48;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        Console.WriteLine(Invariant($"cluster: {Environment.ProcessorCount} cores, {options.Workers} workers, warm-up {options.Warmup.TotalSeconds} s, window {options.Duration.TotalSeconds} s"));
        var external = Environment.GetEnvironmentVariable("ACTEON_BENCH_PG_URL");
        await using var server = external is null ? await BenchPostgres.StartAsync() : null;
        var admin = external ?? server!.Url;
        using var client = LoadGenerator.CreateClient();

        double sqlite;
        await using (var node = await GatewayServer.StartAsync("sqlite"))
        {
            sqlite = Report(await new LoadGenerator(client, node.DispatchUri, "sqlite").RunClosedLoopAsync("1 node, SQLite", options.Workers, options.Warmup, options.Duration));
        }

        double one;
        await using (var node = await PostgresGatewayNode.StartAsync(await CreateDatabaseAsync(admin, "bench_one"), "bench-1"))
        {
            one = Report(await new LoadGenerator(client, node.DispatchUri, "pg1").RunClosedLoopAsync("1 node, PostgreSQL", options.Workers, options.Warmup, options.Duration));
        }

        // The same connection budget on the database as the single node: each of the three gets a third of the pool.
        var url = new NpgsqlConnectionStringBuilder(await CreateDatabaseAsync(admin, "bench_three")) { MaxPoolSize = PoolSize / 3 }.ConnectionString;
        var nodes = new List<PostgresGatewayNode>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                nodes.Add(await PostgresGatewayNode.StartAsync(url, $"bench-{i}"));
            }

            var results = await Task.WhenAll(nodes.Select((n, i) => new LoadGenerator(client, n.DispatchUri, $"pg3-{i}")
                .RunClosedLoopAsync($"node {i} of 3", Math.Max(1, options.Workers / 3), options.Warmup, options.Duration)));
            var three = results.Sum(r => r.Throughput);
            Console.WriteLine(Invariant($"{"3 nodes, one PostgreSQL",-26} {three,10:F0} req/s  (per node: {string.Join(", ", results.Select(r => r.Throughput.ToString("F0", CultureInfo.InvariantCulture)))}; failures {results.Sum(r => r.Failures.Total)})"));

            Console.WriteLine("=== summary ===");
            Console.WriteLine(Invariant($"SQLite 1 node: {sqlite:F0} req/s; PostgreSQL 1 node: {one:F0} req/s; PostgreSQL 3 nodes: {three:F0} req/s"));
            Console.WriteLine(Invariant($"PostgreSQL/SQLite: {one / sqlite:F2} (target >= 0.5: {(one / sqlite >= 0.5 ? "met" : "NOT met")}); 3 nodes/1 node: {three / one:F2} (target >= 1.0: {(three >= one ? "met" : "NOT met")})"));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
        }

        return 0;
    }

    private static double Report(LoadResult result)
    {
        Console.WriteLine(Invariant($"{result.Name,-26} {result.Throughput,10:F0} req/s  p50 {result.Latency.Percentile(0.5).TotalMilliseconds:F1} ms  p99 {result.Latency.Percentile(0.99).TotalMilliseconds:F1} ms  failures {result.Failures.Total}"));
        return result.Throughput;
    }

    private static async Task<string> CreateDatabaseAsync(string adminUrl, string name)
    {
        await using var connection = new NpgsqlConnection(adminUrl);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE);", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminUrl) { Database = name, MaxPoolSize = PoolSize }.ConnectionString;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
