using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;

namespace Acteon.Gateway.Api.Tests.Hardening;

/// <summary>
/// Every input of <see cref="HostileInputCorpus"/> is answered with a 4xx that names its cause (a batch: the bad element's
/// error, the good element executed), and a well-formed dispatch sent right after it is executed and audited. Run on
/// each backend: memory, SQLite and PostgreSQL.
/// </summary>
public abstract class HostileInputTests
{
    protected abstract Task<GatewayApp> StartAsync();

    [Fact]
    public async Task Corpus_EveryHostileInput_4xxNamingTheCauseAndTheNextDispatchIsAudited()
    {
        await using var app = await StartAsync();
        var failures = new List<string>();
        var sequence = 0;
        foreach (var input in HostileInputCorpus.All())
        {
            // Each input from a caller of its own: the similarity endpoint admits 5 requests a minute per caller address.
            var caller = new System.Net.IPAddress([10, 0, (byte)(sequence >> 8), (byte)sequence]);
            using var client = new HttpClient(app.Server.CreateHandler(http => http.Connection.RemoteIpAddress = caller)) { BaseAddress = app.Server.BaseAddress };
            using var response = await client.SendAsync(input.ToRequest());
            var text = await response.Content.ReadAsStringAsync();
            var problem = input.Batch ? BatchProblem(response, text, input) : Problem(response, text, input);
            if (problem is not null)
            {
                failures.Add($"{input.Name}: {problem}");
            }

            var id = $"after-{++sequence}";
            var outcome = await app.PostJsonAsync("/v1/dispatch", new { id, @namespace = "hostile", tenant = "t", provider = "log", action_type = "x", payload = new { n = sequence } });
            if (outcome.GetProperty("outcome").GetString() != "executed")
            {
                failures.Add($"{input.Name}: the dispatch after it was {outcome}");
            }

            await app.FlushAuditAsync();
            var record = await app.GetJsonAsync($"/v1/audit/{id}");
            if (record.GetProperty("outcome").GetString() != "executed")
            {
                failures.Add($"{input.Name}: the dispatch after it has the audit record {record}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var health = await app.GetJsonAsync("/health");
        Assert.Equal(0, health.GetProperty("audit").GetProperty("dead_letters").GetInt64());
        Assert.Equal(0, health.GetProperty("audit").GetProperty("backlog").GetInt32());
    }

    private static string? Problem(HttpResponseMessage response, string text, HostileInput input)
    {
        var status = (int)response.StatusCode;
        if (status is < 400 or > 499)
        {
            return $"answered {status}: {Shorten(text)}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return $"answered {status} with content type {response.Content.Headers.ContentType}";
        }

        using var body = JsonDocument.Parse(text);
        if (!body.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String)
        {
            return $"answered {status} without an error member: {Shorten(text)}";
        }

        return Names(body.RootElement, input.Cause) && NamesFirst(error.GetString()!, input)
            ? null
            : $"answered {status} without naming '{input.Cause}'{(input.First ? " first" : "")}: {Shorten(text)}";
    }

    private static string? BatchProblem(HttpResponseMessage response, string text, HostileInput input)
    {
        if ((int)response.StatusCode != 200)
        {
            return $"answered {(int)response.StatusCode}: {Shorten(text)}";
        }

        using var body = JsonDocument.Parse(text);
        var results = body.RootElement.GetProperty("results");
        var bad = results[0];
        var good = results[1];
        if (bad.GetProperty("status").GetString() != "error" || !Names(bad, input.Cause)
            || !NamesFirst(bad.GetProperty("error").GetProperty("message").GetString()!, input))
        {
            return $"the bad element answered without naming '{input.Cause}'{(input.First ? " first" : "")}: {Shorten(bad.ToString())}";
        }

        return good.GetProperty("status").GetString() == "success" && good.GetProperty("outcome").GetProperty("outcome").GetString() == "executed"
            ? null
            : $"the good element beside it was not executed: {Shorten(good.ToString())}";
    }

    /// <summary>The cause is named in the error or its details (the text of their strings, unescaped).</summary>
    private static bool Names(JsonElement body, string cause) => Strings(body).Any(s => s.Contains(cause, StringComparison.Ordinal))
        || string.Join(" ", Strings(body)).Contains(cause, StringComparison.Ordinal);

    private static bool NamesFirst(string error, HostileInput input) =>
        !input.First || error[(error.IndexOf(": ", StringComparison.Ordinal) + 2)..].StartsWith(input.Cause, StringComparison.Ordinal);

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    internal const string Config = """
        [embedding]
        provider = "local"
        """;
}

public sealed class MemoryHostileInputTests : HostileInputTests
{
    protected override Task<GatewayApp> StartAsync() => Task.FromResult(new GatewayApp(Config, backend: "memory"));
}

public sealed class SqliteHostileInputTests : HostileInputTests
{
    protected override Task<GatewayApp> StartAsync() => Task.FromResult(new GatewayApp(Config, backend: "sqlite"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresHostileInputTests(PostgresFixture postgres) : HostileInputTests
{
    protected override async Task<GatewayApp> StartAsync() =>
        new GatewayApp(Config, backend: "postgres", stateUrl: await postgres.Server.CreateDatabaseAsync("hostile"));
}
