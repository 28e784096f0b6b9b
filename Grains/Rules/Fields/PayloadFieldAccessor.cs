using System.Globalization;
using System.Text.Json;

namespace Acteon.Grains.Rules.Fields;

/// <summary><c>action.payload.a.b.0.c</c>: object members by name, array elements by index; anything absent is missing.</summary>
internal sealed class PayloadFieldAccessor(string path, string[] segments) : FieldAccessor(path, FieldType.Any)
{
    private readonly int[] _indexes = [.. segments.Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)];
    private readonly string _key = string.Intern(path);

    public override RuleValue Get(EvaluationContext context)
    {
        if (context.TryRecall(_key, out var known))
        {
            return known;
        }

        var value = Read(context);
        context.Remember(_key, value);
        return value;
    }

    private RuleValue Read(EvaluationContext context)
    {
        var current = context.Action.Payload;
        for (var i = 0; i < segments.Length; i++)
        {
            if (current.ValueKind == JsonValueKind.Object)
            {
                if (!current.TryGetProperty(segments[i], out current))
                {
                    return RuleValue.Missing;
                }
            }
            else if (current.ValueKind == JsonValueKind.Array && _indexes[i] >= 0 && _indexes[i] < current.GetArrayLength())
            {
                current = current[_indexes[i]];
            }
            else
            {
                return RuleValue.Missing;
            }
        }

        return RuleValue.Of(current);
    }
}
