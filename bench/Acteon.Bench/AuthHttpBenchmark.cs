using System.Globalization;
using System.Net.Http.Headers;
using Acteon.Silo.Configuration.Auth;

namespace Acteon.Bench;

/// <summary>
/// <c>auth</c> mode: the same closed-loop dispatch load against a gateway with <c>[auth]</c> off, and one with it on,
/// called with a JWT (signature, expiry, revocation grain, user lookup per request) and with an API key (SHA-256
/// lookup), alternated off-JWT-key for <c>--rounds</c> rounds to spread the machine's noise; the ratio is the median of
/// the rounds' ratios (each against that round's off run). Target: each ≥ 0.9.
/// </summary>
internal static class AuthHttpBenchmark
{
    private const double Target = 0.9;
    private const string Password = "bench password";
    private const string ApiKey = "bench-api-key-0123456789";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var auth = $"""
            [auth]
            enabled = true
            jwt_secret = "bench-secret-bench-secret-bench-secret-0123"
            [[auth.users]]
            username = "bench"
            password_hash = "{PasswordHash.Hash(Password)}"
            role = "operator"
            [[auth.users.grants]]
            tenants = ["*"]
            namespaces = ["*"]
            [[auth.api_keys]]
            name = "bench-key"
            key_hash = "{PasswordHash.KeyHash(ApiKey)}"
            role = "operator"
            [[auth.api_keys.grants]]
            tenants = ["t"]
            namespaces = ["bench"]
            """;
        await using var off = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard);
        await using var on = await GatewayServer.StartAsync(options.State, dashboard: options.Dashboard, extraToml: auth);
        using var plain = LoadGenerator.CreateClient();
        using var jwt = LoadGenerator.CreateClient();
        using var key = LoadGenerator.CreateClient();
        jwt.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(plain, on.DispatchUri));
        key.DefaultRequestHeaders.Add("X-API-Key", ApiKey);

        var run = Guid.NewGuid().ToString("N")[..8];
        var results = new Dictionary<string, List<LoadResult>> { ["auth off"] = [], ["auth on, JWT"] = [], ["auth on, API key"] = [] };
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var (server, client, name) in new[] { (off, plain, "auth off"), (on, jwt, "auth on, JWT"), (on, key, "auth on, API key") })
            {
                var prefix = options.DedupKeys ? $"{name.Replace(' ', '-')}-{round}-{run}" : null;
                var result = await new LoadGenerator(client, server.DispatchUri, prefix)
                    .RunClosedLoopAsync(name, options.Workers, options.Warmup, options.Duration);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Name,-20} {result.Throughput,10:F0} req/s  p50 {result.Latency.Percentile(0.5).TotalMilliseconds:F3} ms  p99 {result.Latency.Percentile(0.99).TotalMilliseconds:F3} ms  cpu {result.CpuMicrosecondsPerRequest:F1} µs/req  failed {result.Failures.Total}"));
                results[name].Add(result);
            }
        }

        var baseline = results["auth off"];
        foreach (var name in new[] { "auth on, JWT", "auth on, API key" })
        {
            var ratios = results[name].Select((r, i) => r.Throughput / baseline[i].Throughput).Order().ToList();
            var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[(ratios.Count / 2) - 1] + ratios[ratios.Count / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: ratios per round {string.Join(", ", results[name].Select((r, i) => (r.Throughput / baseline[i].Throughput).ToString("F3", CultureInfo.InvariantCulture)))}; median {median:F3}  target >= {Target}: {(median >= Target ? "MET" : "MISSED")}; "
                + $"CPU per request, off/on per round: {string.Join(", ", results[name].Select((r, i) => (baseline[i].CpuMicrosecondsPerRequest / r.CpuMicrosecondsPerRequest).ToString("F3", CultureInfo.InvariantCulture)))}"));
        }

        return results.Values.SelectMany(r => r).Sum(r => r.Failures.Total) == 0 ? 0 : 1;
    }

    private static async Task<string> LoginAsync(HttpClient client, Uri dispatchUri)
    {
        using var response = await client.PostAsJsonAsync(new Uri(dispatchUri, "/v1/auth/login"), new { username = "bench", password = Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("token").GetString()!;
    }
}
