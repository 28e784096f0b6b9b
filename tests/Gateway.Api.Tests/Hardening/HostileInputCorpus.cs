using System.Text;

namespace Acteon.Gateway.Api.Tests.Hardening;

/// <summary>
/// Hostile inputs for every endpoint that takes text: lone and swapped surrogates, overlong UTF-8, NUL, 10 MB strings
/// in each field, strings past their limits, deep nesting, numbers out of range, duplicate keys and wrong types in
/// every field. Each names the cause its 4xx must give.
/// </summary>
public static class HostileInputCorpus
{
    /// <summary>The string fields of an action and a well-formed value of each (JSON text).</summary>
    private static readonly (string Field, string Good)[] ActionStrings =
    [
        ("namespace", "\"n\""), ("tenant", "\"t\""), ("provider", "\"log\""), ("action_type", "\"x\""), ("id", "\"id-1\""),
        ("dedup_key", "\"k\""), ("status", "\"firing\""), ("fingerprint", "\"fp\""), ("starts_at", "\"2026-01-15T10:00:00Z\""),
        ("ends_at", "\"2026-01-16T10:00:00Z\""), ("created_at", "\"2026-01-15T09:00:00Z\""),
    ];

    /// <summary>JSON text of values that are neither strings nor what a field wants, by name.</summary>
    private static readonly (string Kind, string Json)[] WrongTypes =
        [("number", "42"), ("boolean", "true"), ("array", "[\"a\"]"), ("object", "{\"a\":\"b\"}")];

    /// <summary>Raw bytes of text that is not valid Unicode, as it stands inside a JSON string.</summary>
    private static readonly (string Kind, byte[] Raw)[] BadText =
    [
        ("a lone high surrogate escape", Encoding.ASCII.GetBytes("a\\ud800b")),
        ("a lone low surrogate escape", Encoding.ASCII.GetBytes("\\udc00")),
        ("swapped surrogate escapes", Encoding.ASCII.GetBytes("\\udc00\\ud800")),
        ("overlong UTF-8 for '/'", [0x61, 0xC0, 0xAF]),
        ("a UTF-8-encoded surrogate", [0xED, 0xA0, 0x80]),
        ("a stray continuation byte", [0x80]),
        ("NUL", Encoding.ASCII.GetBytes("a\\u0000b")),
    ];

    public static IEnumerable<HostileInput> All()
    {
        foreach (var input in Dispatch())
        {
            yield return input;
        }

        foreach (var input in Batch())
        {
            yield return input;
        }

        foreach (var input in OtherEndpoints())
        {
            yield return input;
        }
    }

    private static IEnumerable<HostileInput> Dispatch()
    {
        foreach (var (field, _) in ActionStrings)
        {
            foreach (var (kind, raw) in BadText)
            {
                yield return Post($"dispatch: {field} holds {kind}", "/v1/dispatch", Action(field, Quoted(raw)), $"$.{field}");
            }

            foreach (var (kind, json) in WrongTypes)
            {
                yield return Post($"dispatch: {field} is {kind}", "/v1/dispatch", Action(field, HostileInput.Utf8(json)), $"$.{field}");
            }

            yield return Post($"dispatch: {field} is 10 MB", "/v1/dispatch", Action(field, Quoted(Big())), "max_body_bytes");
        }

        foreach (var field in new[] { "namespace", "tenant", "provider", "action_type" })
        {
            yield return Post($"dispatch: {field} is null", "/v1/dispatch", Action(field, "null"u8.ToArray()), $"$.{field} is required");
            yield return Post($"dispatch: {field} is 257 characters", "/v1/dispatch", Action(field, Quoted(Repeat('a', 257))), $"$.{field} must be a non-empty string of at most 256");
        }

        yield return Post("dispatch: id past 256 characters", "/v1/dispatch", Action("id", Quoted(Repeat('a', 257))), "$.id is 257 characters long; the limit is 256");
        yield return Post("dispatch: dedup_key past 1024 characters", "/v1/dispatch", Action("dedup_key", Quoted(Repeat('k', 1025))), "$.dedup_key is 1025 characters long; the limit is 1024");
        yield return Post("dispatch: fingerprint past 1024 characters", "/v1/dispatch", Action("fingerprint", Quoted(Repeat('f', 1025))), "$.fingerprint is 1025 characters long; the limit is 1024");
        yield return Post("dispatch: status past 256 characters", "/v1/dispatch", Action("status", Quoted(Repeat('s', 257))), "$.status is 257 characters long; the limit is 256");
        yield return Post("dispatch: a date that is not RFC 3339", "/v1/dispatch", Action("starts_at", Quoted("yesterday"u8.ToArray())), "$.starts_at must be an RFC 3339");

        foreach (var (kind, raw) in BadText)
        {
            yield return Post($"dispatch: a payload value holds {kind}", "/v1/dispatch", Action("payload", Concat("{\"a\":"u8, Quoted(raw), "}"u8)), "$.payload.a");
            yield return Post($"dispatch: a payload key holds {kind}", "/v1/dispatch", Action("payload", Concat("{"u8, Quoted(raw), ":1}"u8)), "$.payload has a property name");
            yield return Post($"dispatch: a label key holds {kind}", "/v1/dispatch", Action("metadata", Concat("{\"labels\":{"u8, Quoted(raw), ":\"v\"}}"u8)), "$.metadata.labels has a property name");
            yield return Post($"dispatch: a label value holds {kind}", "/v1/dispatch", Action("metadata", Concat("{\"labels\":{\"k\":"u8, Quoted(raw), "}}"u8)), "$.metadata.labels.k");
            yield return Post($"dispatch: an unknown member holds {kind}", "/v1/dispatch", Action("extra", Quoted(raw)), "$.extra");
        }

        foreach (var (kind, raw) in BadText)
        {
            // A name that is not valid Unicode must not turn off the duplicate check, in its own object or another one.
            var badName = Concat("{"u8, Quoted(raw), ":1,\"a\":1,\"a\":2}"u8);
            yield return Post($"dispatch: a payload key holds {kind} and a later key is twice in the same object", "/v1/dispatch",
                Action("payload", badName), "$.payload has the property 'a' more than once");
            yield return Post($"dispatch: a payload key holds {kind}, a label key is twice", "/v1/dispatch",
                Concat(Action("payload", Concat("{"u8, Quoted(raw), ":1}"u8)).AsSpan()[..^1], ",\"metadata\":{\"labels\":{\"k\":\"v\",\"k\":\"w\"}}}"u8),
                "$.metadata.labels has the property 'k' more than once");
            yield return Post($"dispatch: a key is twice, then a payload key holds {kind}", "/v1/dispatch",
                Concat("{\"tenant\":\"t\","u8, Action("payload", Concat("{"u8, Quoted(raw), ":1}"u8)).AsSpan()[1..]),
                "$ has the property 'tenant' more than once", first: true);
            yield return Post($"dispatch: a payload key is twice, then another holds {kind}", "/v1/dispatch",
                Action("payload", Concat("{\"a\":1,\"a\":2,"u8, Quoted(raw), ":1}"u8)), "$.payload has the property 'a' more than once", first: true);
            yield return Post($"dispatch: a payload key holds {kind}, then a key is twice", "/v1/dispatch",
                Action("payload", badName), "$.payload has a property name that", first: true);
        }

        yield return Post("dispatch: a key twice, one of them spelled with an escape", "/v1/dispatch", Action("payload", "{\"ab\":1,\"a\\u0062\":2}"u8.ToArray()), "$.payload has the property 'ab' more than once");
        yield return Post("dispatch: a key twice in an object of many", "/v1/dispatch",
            Action("payload", HostileInput.Utf8("{" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}")) + ",\"k7\":0}")), "$.payload has the property 'k7' more than once");

        foreach (var (kind, json) in WrongTypes.Where(t => t.Kind != "object"))
        {
            yield return Post($"dispatch: payload is {kind}", "/v1/dispatch", Action("payload", HostileInput.Utf8(json)), "$.payload must be a JSON object");
            yield return Post($"dispatch: metadata is {kind}", "/v1/dispatch", Action("metadata", HostileInput.Utf8(json)), "$.metadata must be an object");
            yield return Post($"dispatch: a label is {kind}", "/v1/dispatch", Action("metadata", HostileInput.Utf8($"{{\"labels\":{{\"k\":{json}}}}}")), "$.metadata.labels.k must be a string");
        }

        yield return Post("dispatch: a label key past 256 characters", "/v1/dispatch", Action("metadata", HostileInput.Utf8($"{{\"labels\":{{\"{new string('k', 257)}\":\"v\"}}}}")), "label keys must be 1 to 256 characters");
        yield return Post("dispatch: a label value past 4096 characters", "/v1/dispatch", Action("metadata", HostileInput.Utf8($"{{\"labels\":{{\"k\":\"{new string('v', 4097)}\"}}}}")), "is 4097 characters long; the limit is 4096");
        yield return Post("dispatch: 101 labels", "/v1/dispatch", Action("metadata", HostileInput.Utf8("{\"labels\":{" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"k{i}\":\"v\"")) + "}}")), "at most 100 labels");
        yield return Post("dispatch: payload is null", "/v1/dispatch", Action("payload", "null"u8.ToArray()), "$.payload is required");
        yield return Post("dispatch: a number past a 64-bit float", "/v1/dispatch", Action("payload", "{\"amount\":1e400}"u8.ToArray()), "$.payload.amount is a number out of range");
        yield return Post("dispatch: a negative number past a 64-bit float", "/v1/dispatch", Action("payload", "{\"amount\":[-1e999]}"u8.ToArray()), "$.payload.amount[0] is a number out of range");
        yield return Post("dispatch: nesting 200 deep", "/v1/dispatch", Action("payload", Deep(200)), "malformed JSON");
        yield return Post("dispatch: a duplicate key", "/v1/dispatch", HostileInput.Utf8("{\"namespace\":\"n\",\"namespace\":\"m\",\"tenant\":\"t\",\"provider\":\"log\",\"action_type\":\"x\",\"payload\":{}}"), "$ has the property 'namespace' more than once");
        yield return Post("dispatch: a duplicate payload key", "/v1/dispatch", Action("payload", "{\"a\":1,\"a\":2}"u8.ToArray()), "$.payload has the property 'a' more than once");
        yield return Post("dispatch: the body is an array", "/v1/dispatch", "[]"u8.ToArray(), "$ must be a JSON object");
        yield return Post("dispatch: the body is truncated", "/v1/dispatch", "{\"namespace\":"u8.ToArray(), "malformed JSON");
        yield return Post("dispatch: the body is raw invalid UTF-8 outside strings", "/v1/dispatch", [0x7B, 0xFF, 0xFE, 0x7D], "malformed JSON");
        yield return Post("dispatch: the body is empty", "/v1/dispatch", [], "the request body is empty");
        yield return Post("dispatch: an unknown provider", "/v1/dispatch", Action("provider", "\"nope\""u8.ToArray()), "provider not found: nope");
        yield return new HostileInput("dispatch: dry_run is not a boolean", HttpMethod.Post, "/v1/dispatch?dry_run=maybe", Action("x", "1"u8.ToArray()), "query parameter 'dry_run' must be true or false");
        yield return new HostileInput("dispatch: dry_run holds NUL", HttpMethod.Post, "/v1/dispatch?dry_run=%00", Action("x", "1"u8.ToArray()), "invalid query parameter 'dry_run'");
    }

    private static IEnumerable<HostileInput> Batch()
    {
        foreach (var (kind, raw) in BadText)
        {
            yield return BatchOf($"batch: an element's tenant holds {kind}", Action("tenant", Quoted(raw)), "$.actions[0].tenant");
            yield return BatchOf($"batch: an element's payload key holds {kind}", Action("payload", Concat("{"u8, Quoted(raw), ":1}"u8)), "$.actions[0].payload has a property name");
            yield return BatchOf($"batch: an element's dedup_key holds {kind}", Action("dedup_key", Quoted(raw)), "$.actions[0].dedup_key");
        }

        foreach (var (kind, json) in WrongTypes)
        {
            yield return BatchOf($"batch: an element's provider is {kind}", Action("provider", HostileInput.Utf8(json)), "$.actions[0].provider");
        }

        foreach (var (kind, raw) in BadText)
        {
            yield return BatchOf($"batch: an element's payload key holds {kind} and a label key is twice",
                Concat(Action("payload", Concat("{"u8, Quoted(raw), ":1}"u8)).AsSpan()[..^1], ",\"metadata\":{\"labels\":{\"k\":\"v\",\"k\":\"w\"}}}"u8),
                "$.actions[0].metadata.labels has the property 'k' more than once");
            yield return Post($"batch: a member name holds {kind} and actions is twice", "/v1/dispatch/batch",
                Concat("{"u8, Quoted(raw), ":1,\"actions\":[],\"actions\":[]}"u8), "$ has the property 'actions' more than once");
        }

        yield return BatchOf("batch: an element has a key twice", Action("payload", "{\"a\":1,\"a\":2}"u8.ToArray()), "$.actions[0].payload has the property 'a' more than once", first: true);
        yield return BatchOf("batch: an element's dedup_key past 1024 characters", Action("dedup_key", Quoted(Repeat('k', 1025))), "$.actions[0].dedup_key is 1025 characters long");
        yield return BatchOf("batch: an element is a number", "7"u8.ToArray(), "$.actions[0] must be a JSON object");
        yield return Post("batch: actions is not an array", "/v1/dispatch/batch", "{\"actions\":{}}"u8.ToArray(), "'actions' array");
        yield return Post("batch: 1001 actions", "/v1/dispatch/batch", HostileInput.Utf8("{\"actions\":[" + string.Join(",", Enumerable.Repeat("{}", 1001)) + "]}"), "at most 1000");
        yield return Post("batch: a duplicate key", "/v1/dispatch/batch", "{\"actions\":[],\"actions\":[]}"u8.ToArray(), "$ has the property 'actions' more than once");
    }

    private static IEnumerable<HostileInput> OtherEndpoints()
    {
        foreach (var (kind, raw) in BadText)
        {
            yield return Post($"evaluate: namespace holds {kind}", "/v1/rules/evaluate", Action("namespace", Quoted(raw)), "$.namespace");
            yield return Put($"rule toggle: a member holds {kind}", "/v1/rules/some-rule/enabled", Concat("{\"enabled\":true,\"note\":"u8, Quoted(raw), "}"u8), "$.note");
            yield return Post($"similarity: text holds {kind}", "/v1/embeddings/similarity", Concat("{\"topic\":\"t\",\"text\":"u8, Quoted(raw), "}"u8), "$.text");
        }

        foreach (var (kind, json) in WrongTypes)
        {
            var notBoolean = json == "true" ? "\"true\"" : json;
            yield return Post($"evaluate: include_disabled is {kind}", "/v1/rules/evaluate", Action("include_disabled", HostileInput.Utf8(notBoolean)), "$.include_disabled must be true or false");
            yield return Post($"evaluate: evaluate_all is {kind}", "/v1/rules/evaluate", Action("evaluate_all", HostileInput.Utf8(notBoolean)), "$.evaluate_all must be true or false");
            yield return Post($"evaluate: evaluate_at is {kind}", "/v1/rules/evaluate", Action("evaluate_at", HostileInput.Utf8(json)), "$.evaluate_at must be an RFC 3339");
            yield return Put($"rule toggle: enabled is {kind}", "/v1/rules/some-rule/enabled", HostileInput.Utf8($"{{\"enabled\":{notBoolean}}}"), "$.enabled");
            yield return Post($"similarity: text is {kind}", "/v1/embeddings/similarity", HostileInput.Utf8($"{{\"topic\":\"t\",\"text\":{json}}}"), "$.text is required");
            yield return Post($"similarity: topic is {kind}", "/v1/embeddings/similarity", HostileInput.Utf8($"{{\"text\":\"t\",\"topic\":{json}}}"), "$.topic is required");
        }

        yield return Post("evaluate: a number past a 64-bit float", "/v1/rules/evaluate", Action("payload", "{\"n\":1e309}"u8.ToArray()), "$.payload.n is a number out of range");
        yield return Post("similarity: text past 16384 characters", "/v1/embeddings/similarity", HostileInput.Utf8($"{{\"topic\":\"t\",\"text\":\"{new string('a', 16385)}\"}}"), "$.text is 16385 characters long; the limit is 16384");
        yield return Post("similarity: topic past 1024 characters", "/v1/embeddings/similarity", HostileInput.Utf8($"{{\"text\":\"t\",\"topic\":\"{new string('a', 1025)}\"}}"), "$.topic is 1025 characters long; the limit is 1024");
        yield return Put("rule toggle: nesting 200 deep", "/v1/rules/some-rule/enabled", Deep(200), "malformed JSON");
        yield return Put("rule toggle: a duplicate key", "/v1/rules/some-rule/enabled", "{\"enabled\":true,\"enabled\":false}"u8.ToArray(), "$ has the property 'enabled' more than once");

        foreach (var parameter in new[] { "namespace", "tenant", "provider", "action_type", "outcome", "verdict", "matched_rule", "caller_id", "chain_id", "from", "to", "limit", "offset" })
        {
            yield return Get($"audit: {parameter} holds NUL", $"/v1/audit?{parameter}=a%00b", $"invalid query parameter '{parameter}'");
            yield return Get($"audit: {parameter} holds a control character", $"/v1/audit?{parameter}=%1B", $"invalid query parameter '{parameter}'");
        }

        yield return Get("audit: limit is not a number", "/v1/audit?limit=ten", "invalid query parameter 'limit'");
        yield return Get("audit: limit past a 32-bit integer", "/v1/audit?limit=99999999999999999999", "invalid query parameter 'limit'");
        yield return Get("audit: offset is negative", "/v1/audit?offset=-1", "invalid query parameter 'offset'");
        yield return Get("audit: limit is a float out of range", "/v1/audit?limit=1e400", "invalid query parameter 'limit'");
        yield return Get("audit: from is not a date", "/v1/audit?from=yesterday", "invalid query parameter 'from'");
        yield return Get("audit: to before from", "/v1/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "must not be before 'from'");
        yield return Get("audit: a parameter name holds NUL", "/v1/audit?a%00=1", "has a name that must not contain NUL");
        yield return Get("audit record: the id holds a control character", "/v1/audit/a%1Bb", "malformed request: the path");
        yield return Get("dead letters: limit is not a number", "/admin/audit/dead-letters?limit=x", "invalid query parameter 'limit'");
        yield return Get("dead letters: limit past the maximum", "/admin/audit/dead-letters?limit=1001", "invalid query parameter 'limit'");
    }

    /// <summary>A well-formed action with <paramref name="field"/> set to the JSON text <paramref name="value"/>.</summary>
    public static byte[] Action(string field, byte[] value)
    {
        var members = new List<(string, byte[])>
        {
            ("namespace", "\"hostile\""u8.ToArray()), ("tenant", "\"t\""u8.ToArray()), ("provider", "\"log\""u8.ToArray()),
            ("action_type", "\"x\""u8.ToArray()), ("payload", "{\"a\":1}"u8.ToArray()),
        };
        var at = members.FindIndex(m => m.Item1 == field);
        if (at >= 0)
        {
            members[at] = (field, value);
        }
        else
        {
            members.Add((field, value));
        }

        var body = new List<byte> { (byte)'{' };
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                body.Add((byte)',');
            }

            body.AddRange(Encoding.UTF8.GetBytes($"\"{members[i].Item1}\":"));
            body.AddRange(members[i].Item2);
        }

        body.Add((byte)'}');
        return [.. body];
    }

    private static HostileInput Post(string name, string url, byte[] body, string cause, bool first = false) => new(name, HttpMethod.Post, url, body, cause, First: first);

    private static HostileInput Put(string name, string url, byte[] body, string cause) => new(name, HttpMethod.Put, url, body, cause);

    private static HostileInput Get(string name, string url, string cause) => new(name, HttpMethod.Get, url, null, cause);

    /// <summary>A batch of the bad element and a good one after it: the bad one fails alone.</summary>
    private static HostileInput BatchOf(string name, byte[] element, string cause, bool first = false) =>
        new(name, HttpMethod.Post, "/v1/dispatch/batch", Concat(Concat("{\"actions\":["u8, element, ","u8), Action("x", "1"u8.ToArray()), "]}"u8), cause, Batch: true, First: first);

    private static byte[] Quoted(byte[] raw) => Concat("\""u8, raw, "\""u8);

    private static byte[] Repeat(char c, int count) => Encoding.ASCII.GetBytes(new string(c, count));

    private static byte[] Big() => Repeat('a', 10 * 1024 * 1024);

    private static byte[] Deep(int depth) => HostileInput.Utf8(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c = default) => [.. a, .. b, .. c];
}
