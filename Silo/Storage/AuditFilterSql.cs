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
        return sql.ToString();
    }
}
