namespace Acteon.Gateway.Api.Http;

public static class QueryFlags
{
    /// <summary>Reads a boolean query parameter (true/false/1/0); anything else is a 400 naming the parameter.</summary>
    public static bool TryRead(HttpRequest request, string name, out bool value, out ApiError? error)
    {
        value = false;
        error = null;
        var raw = request.Query[name];
        if (raw.Count == 0)
        {
            return true;
        }

        switch (raw.ToString().ToLowerInvariant())
        {
            case "true" or "1" or "":
                value = true;
                return true;
            case "false" or "0":
                return true;
            default:
                error = ApiError.BadRequest($"query parameter '{name}' must be true or false, not '{raw}'");
                return false;
        }
    }
}
