namespace Acteon.Gateway.Api.Http;

/// <summary>
/// The path and query parameters are text like any other: holding NUL or another control character, or text that is
/// not valid Unicode, is a 400 naming the parameter (or the path) before any endpoint runs: PostgreSQL cannot even
/// compare such text. (Kestrel itself refuses NUL in the path of a real connection; this also covers other hosts.)
/// </summary>
public static class RequestText
{
    public static WebApplication UseRequestTextCheck(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var error = Problem(http.Request.Path.Value) is { } pathProblem
                ? ApiError.BadRequest($"malformed request: the path {pathProblem}")
                : http.Request.QueryString.HasValue ? Find(http.Request.Query) : null;
            if (error is not null)
            {
                await ApiErrorResult.WriteAsync(http.Response, error);
                return;
            }

            await next(http);
        });
        return app;
    }

    private static ApiError? Find(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (Problem(name) is { } nameProblem)
            {
                return Bad(Printable(name), $"has a name that {nameProblem}");
            }

            foreach (var value in values)
            {
                if (Problem(value) is { } problem)
                {
                    return Bad(name, problem);
                }
            }
        }

        return null;
    }

    private static ApiError Bad(string name, string problem) =>
        ApiError.BadRequest($"invalid query parameter '{name}': {problem}", [new FieldError(name, problem)]);

    private static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                return "must not contain NUL or other control characters";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "is not valid Unicode";
            }
        }

        return null;
    }

    private static string Printable(string text) => new([.. text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
}
