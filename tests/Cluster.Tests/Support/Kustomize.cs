using YamlDotNet.RepresentationModel;
using static Acteon.Cluster.Tests.Support.Manifests;

namespace Acteon.Cluster.Tests.Support;

/// <summary>
/// What <c>kubectl kustomize</c> builds from a folder under deploy/k8s, for the part of kustomize the manifests use:
/// resources (files and folders), components, and strategic-merge patches found by kind and name (maps merge, lists of
/// containers, env, volumes, volume mounts and ports merge by their key, <c>$patch: delete</c> removes an element, other
/// lists are replaced). Anything else in a kustomization is an error here, so that a new feature gets a model first.
/// </summary>
internal static class Kustomize
{
    private static readonly string[] ModelledKeys = ["apiVersion", "kind", "namespace", "labels", "resources", "components", "patches"];

    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["ports"] = "containerPort",
    };

    /// <summary>A layout: a kustomization folder, optionally with components added, as in <c>overlays/dev+components/redis-membership</c>.</summary>
    public static List<YamlMappingNode> Build(string layout)
    {
        var parts = layout.Split('+');
        var resources = new List<YamlMappingNode>();
        Compose(parts[0], resources);
        foreach (var component in parts[1..])
        {
            Compose(component, resources);
        }

        return resources;
    }

    /// <summary>The files and folders a kustomization names, relative to deploy/k8s.</summary>
    public static IEnumerable<string> Paths(string folder, string field)
    {
        var kustomization = Load(Path.Combine(folder, "kustomization.yaml"));
        var entries = Items(kustomization, field).Select(n => n is YamlScalarNode s ? s.Value! : Text(n, "path")!);
        return entries.Select(p => Path.GetRelativePath(K8s, Path.GetFullPath(Path.Combine(K8s, folder, p))).Replace('\\', '/'));
    }

    private static void Compose(string folder, List<YamlMappingNode> resources)
    {
        var kustomization = Load(Path.Combine(folder, "kustomization.yaml"));
        var unmodelled = kustomization.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Except(ModelledKeys, StringComparer.Ordinal).ToList();
        if (unmodelled.Count > 0 || Items(kustomization, "patches").Any(p => Get(p, "target") is not null || Get(p, "patch") is not null))
        {
            throw new InvalidOperationException($"{folder}: the test's kustomize does not model {string.Join(", ", unmodelled.DefaultIfEmpty("inline or targeted patches"))}");
        }

        foreach (var path in Paths(folder, "resources"))
        {
            if (Directory.Exists(Path.Combine(K8s, path)))
            {
                Compose(path, resources);
            }
            else
            {
                resources.Add(Load(path));
            }
        }

        foreach (var component in Paths(folder, "components"))
        {
            Compose(component, resources);
        }

        foreach (var path in Paths(folder, "patches"))
        {
            var patch = Load(path);
            var target = resources.SingleOrDefault(r => Text(r, "kind") == Text(patch, "kind") && Text(r, "metadata", "name") == Text(patch, "metadata", "name"))
                ?? throw new InvalidOperationException($"{path} patches {Text(patch, "kind")} {Text(patch, "metadata", "name")}, which {folder} does not build on");
            Merge(target, patch, path);
        }
    }

    private static void Merge(YamlMappingNode target, YamlMappingNode patch, string source)
    {
        foreach (var (key, value) in patch.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            target.Children.TryGetValue(key, out var existing);
            if (existing is YamlMappingNode map && value is YamlMappingNode patchMap)
            {
                Merge(map, patchMap, source);
            }
            else if (existing is YamlSequenceNode list && value is YamlSequenceNode patchList && MergeKeys.TryGetValue(name, out var mergeKey))
            {
                MergeList(list, patchList, mergeKey, source);
            }
            else
            {
                target.Children[key] = value;
            }
        }
    }

    private static void MergeList(YamlSequenceNode target, YamlSequenceNode patch, string mergeKey, string source)
    {
        foreach (var item in patch.Children.Cast<YamlMappingNode>())
        {
            var match = target.Children.SingleOrDefault(t => Text(t, mergeKey) == Text(item, mergeKey));
            if (Text(item, "$patch") == "delete")
            {
                target.Children.Remove(match ?? throw new InvalidOperationException($"{source} deletes {mergeKey} {Text(item, mergeKey)}, which is not there"));
            }
            else if (match is YamlMappingNode map)
            {
                Merge(map, item, source);
            }
            else
            {
                target.Children.Add(item);
            }
        }
    }
}
