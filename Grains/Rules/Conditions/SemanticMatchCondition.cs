using System.Globalization;
using Acteon.Grains.Rules.Embeddings;
using Acteon.Grains.Rules.Fields;

namespace Acteon.Grains.Rules.Conditions;

/// <summary><c>{semantic_match: topic, threshold, text_field}</c>: similarity of the text to the topic reaches the threshold.</summary>
internal sealed class SemanticMatchCondition(string topic, double threshold, FieldAccessor? textField) : Condition
{
    public override bool IsAsync => true;

    public override string Display => string.Create(CultureInfo.InvariantCulture, $"semantic_match(\"{topic}\", {threshold}{(textField is null ? "" : $", {textField.Path}")})");

    public override bool Evaluate(EvaluationContext context) => EvaluateAsync(context).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<bool> EvaluateAsync(EvaluationContext context)
    {
        var text = Text(context);
        if (text is null || context.Embeddings is not { } embeddings)
        {
            return false;
        }

        try
        {
            return await embeddings.SimilarityAsync(text, topic, CancellationToken.None) >= threshold;
        }
        catch (Exception error) when (embeddings.Options.FailOpen && error is EmbeddingException or HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    private string? Text(EvaluationContext context)
    {
        if (textField is null)
        {
            return context.Action.Payload.GetRawText();
        }

        var value = textField.Get(context);
        return value.Kind switch
        {
            RuleValueKind.String => value.Text,
            RuleValueKind.Number or RuleValueKind.Bool => value.ToString(),
            RuleValueKind.Json => value.Json.GetRawText(),
            _ => null,
        };
    }
}
