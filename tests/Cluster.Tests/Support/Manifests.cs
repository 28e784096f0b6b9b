using YamlDotNet.RepresentationModel;

namespace Acteon.Cluster.Tests.Support;

/// <summary>The YAML files under deploy/k8s, parsed, with small helpers to walk them.</summary>
internal static class Manifests
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string K8s => Path.Combine(RepoRoot, "deploy", "k8s");

    public static YamlMappingNode Load(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(K8s, relativePath));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    /// <summary>Every manifest (not kustomization) of a folder, by kind and name.</summary>
    public static IEnumerable<YamlMappingNode> All(string folder) =>
        Directory.GetFiles(Path.Combine(K8s, folder), "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal))
            .Select(f => Load(Path.GetRelativePath(K8s, f)));

    public static YamlMappingNode Find(string folder, string kind, string name) =>
        All(folder).Single(m => Text(m, "kind") == kind && Text(m, "metadata", "name") == name);

    public static YamlNode? Get(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    public static string? Text(YamlNode node, params string[] path) => (Get(node, path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(YamlNode node, params string[] path) =>
        Get(node, path) is YamlSequenceNode sequence ? sequence.Children : [];

    public static Dictionary<string, string> Labels(YamlNode node, params string[] path) =>
        Get(node, path) is YamlMappingNode map
            ? map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!, StringComparer.Ordinal)
            : [];

    /// <summary>Every mapping below <paramref name="node"/> (depth first), to find e.g. all secretKeyRef entries.</summary>
    public static IEnumerable<YamlMappingNode> Descendants(YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            yield return map;
            foreach (var child in map.Children.Values.SelectMany(Descendants))
            {
                yield return child;
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            foreach (var child in sequence.Children.SelectMany(Descendants))
            {
                yield return child;
            }
        }
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Acteon.Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains Acteon.Orleans.sln.");
    }
}
