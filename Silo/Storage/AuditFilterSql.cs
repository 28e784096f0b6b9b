using System.Text;
using Acteon.Grains.Abstractions.Audit;

namespace Acteon.Silo.Storage;

/// <summary>The WHERE clause of an audit query, shared by the SQL stores; each store names its own parameters.</summary>
internal static class AuditFilterSql
{
    /// <param name="q">The filters; null ones are left out.</param>
    /// <param name="parameter">Adds a value and returns its placeholder (<c>$p0</c> for SQLite, <c>$1</c> for PostgreSQL).</param>
    public static string Where(AuditQuery q, Func<object, string> parameter)
    {
        var sql = new StringBuilder();
        void Add(string column, object? value, string op = "=")
        {
            if (value is not null)
            {
                sql.Append(sql.Length == 0 ? " WHERE " : " AND ").Append(column).Append(' ').Append(op).Append(' ').Append(parameter(value));
            }
        }

        Add("namespace", q.Namespace);
        Add("tenant", q.Tenant);
        Add("provider", q.Provider);
        Add("action_type", q.ActionType);
        Add("outcome", q.Outcome);
        Add("verdict", q.Verdict);
        Add("matched_rule", q.MatchedRule);
        Add("caller_id", q.CallerId);
        Add("chain_id", q.ChainId);
        Add("dispatched_at", q.From?.UtcTicks, ">=");
        Add("dispatched_at", q.To?.UtcTicks, "<=");
        if (q.Scopes is { } scopes)
        {
            sql.Append(sql.Length == 0 ? " WHERE " : " AND ").Append(Scopes(scopes, parameter));
        }

        return sql.ToString();
    }

    /// <summary>
    /// <c>(grant OR grant ...)</c>, each grant an AND of its lists; a tenant matches itself or, by prefix
    /// <c>tenant.</c>, a descendant (substr/length count characters alike in SQLite and PostgreSQL; no LIKE, so
    /// <c>%</c> and <c>_</c> in names stay literal). No grants: nothing matches.
    /// </summary>
    private static string Scopes(IReadOnlyList<AuditScope> scopes, Func<object, string> parameter)
    {
        if (scopes.Count == 0)
        {
            return "1 = 0";
        }

        var any = new List<string>();
        foreach (var scope in scopes)
        {
            var all = new List<string>();
            if (scope.Tenants is { } tenants)
            {
                all.Add("(" + string.Join(" OR ", tenants.Select(t =>
                {
                    var exact = parameter(t);
                    var prefix = parameter(t + ".");
                    return $"tenant = {exact} OR substr(tenant, 1, length({prefix})) = {prefix}";
                })) + ")");
            }

            In(all, "namespace", scope.Namespaces, parameter);
            In(all, "provider", scope.Providers, parameter);
            In(all, "action_type", scope.ActionTypes, parameter);
            any.Add(all.Count == 0 ? "1 = 1" : "(" + string.Join(" AND ", all) + ")");
        }

        return "(" + string.Join(" OR ", any) + ")";
    }

    private static void In(List<string> all, string column, IReadOnlyList<string>? values, Func<object, string> parameter)
    {
        if (values is not null)
        {
            all.Add($"{column} IN ({string.Join(", ", values.Select(v => parameter(v)))})");
        }
    }
}
