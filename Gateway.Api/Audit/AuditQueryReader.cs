using System.Globalization;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Audit;

namespace Acteon.Gateway.Api.Audit;

/// <summary>Turns the query string of <c>GET /v1/audit</c> into an <see cref="AuditQuery"/>, naming any bad parameter.</summary>
public static class AuditQueryReader
{
    public static AuditQuery? Read(IQueryCollection query, out ApiError? error)
    {
        var errors = new List<FieldError>();
        var from = Time(query, "from", errors);
        var to = Time(query, "to", errors);
        var limit = Integer(query, "limit", 1, int.MaxValue, errors) ?? AuditQuery.DefaultLimit;
        var offset = Integer(query, "offset", 0, int.MaxValue, errors) ?? 0;
        if (from is not null && to is not null && to < from)
        {
            errors.Add(new FieldError("to", "must not be before 'from'"));
        }

        if (errors.Count > 0)
        {
            error = ApiError.BadRequest($"invalid query parameter '{errors[0].Path}': {errors[0].Message}", errors);
            return null;
        }

        error = null;
        return new AuditQuery
        {
            Namespace = Text(query, "namespace"),
            Tenant = Text(query, "tenant"),
            Provider = Text(query, "provider"),
            ActionType = Text(query, "action_type"),
            Outcome = Text(query, "outcome"),
            Verdict = Text(query, "verdict"),
            MatchedRule = Text(query, "matched_rule"),
            CallerId = Text(query, "caller_id"),
            ChainId = Text(query, "chain_id"),
            From = from,
            To = to,
            Limit = Math.Min(limit, AuditQuery.MaxLimit),
            Offset = offset,
        };
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? Time(IQueryCollection query, string name, List<FieldError> errors)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (JsonTime.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(name, $"must be an RFC 3339 date-time such as 2026-01-15T10:00:00Z, not '{text}'"));
        return null;
    }

    private static int? Integer(IQueryCollection query, string name, int min, int max, List<FieldError> errors)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new FieldError(name, string.Create(CultureInfo.InvariantCulture, $"must be a whole number of at least {min}, not '{text}'")));
        return null;
    }
}
