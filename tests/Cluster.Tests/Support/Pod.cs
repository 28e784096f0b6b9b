using Acteon.Silo.Configuration;
using Xunit;
using YamlDotNet.RepresentationModel;
using static Acteon.Cluster.Tests.Support.Manifests;

namespace Acteon.Cluster.Tests.Support;

/// <summary>One container of a workload's pod template (Deployment, StatefulSet, Job), read as the kubelet would run it.</summary>
internal readonly record struct Pod(YamlMappingNode Workload, YamlNode Spec, YamlNode Container)
{
    public string Name => Text(Workload, "metadata", "name")!;

    public string Kind => Text(Workload, "kind")!;

    /// <summary>command then args: what runs when the manifest replaces the image's entrypoint, or the arguments it is given.</summary>
    public List<string> Argv => Items(Container, "command").Concat(Items(Container, "args")).Select(a => ((YamlScalarNode)a).Value!).ToList();

    /// <summary>Port name (or number, when it has none) to containerPort.</summary>
    public Dictionary<string, string> Ports =>
        Items(Container, "ports").ToDictionary(p => Text(p, "name") ?? Text(p, "containerPort")!, p => Text(p, "containerPort")!, StringComparer.Ordinal);

    public Dictionary<string, YamlNode> Environment => Items(Container, "env").ToDictionary(e => Text(e, "name")!, e => e, StringComparer.Ordinal);

    /// <summary>The paths in the container of the files its ConfigMap volumes mount.</summary>
    public IEnumerable<string> MountedFiles
    {
        get
        {
            var volumes = Items(Spec, "volumes").ToList();
            return from mount in Items(Container, "volumeMounts")
                   from volume in volumes.Where(v => Text(v, "name") == Text(mount, "name"))
                   from item in Items(volume, "configMap", "items")
                   select $"{Text(mount, "mountPath")}/{Text(item, "path")}";
        }
    }

    public static IEnumerable<Pod> In(IEnumerable<YamlMappingNode> manifests) =>
        manifests.Where(m => Get(m, "spec", "template", "spec") is not null)
            .SelectMany(m => Items(m, "spec", "template", "spec", "containers").Select(c => new Pod(m, Get(m, "spec", "template", "spec")!, c)));

    public bool MountsConfigMap(string name) => Items(Spec, "volumes").Any(v => Text(v, "configMap", "name") == name);

    /// <summary>The acteon.toml that <c>-c</c> names, from the ConfigMap item mounted at that path, loaded under that path.</summary>
    public (ActeonConfig Config, string Path) MountedConfig(IEnumerable<YamlMappingNode> manifests)
    {
        var argv = Argv;
        var path = argv[argv.IndexOf("-c") + 1];
        var mount = Assert.Single(Items(Container, "volumeMounts"), m => path.StartsWith(Text(m, "mountPath") + "/", StringComparison.Ordinal));
        var volume = Assert.Single(Items(Spec, "volumes"), v => Text(v, "name") == Text(mount, "name"));
        var item = Assert.Single(Items(volume, "configMap", "items"), i => $"{Text(mount, "mountPath")}/{Text(i, "path")}" == path);
        var configMap = Assert.Single(manifests, m => Text(m, "kind") == "ConfigMap" && Text(m, "metadata", "name") == Text(volume, "configMap", "name"));
        var text = Text(configMap, "data", Text(item, "key")!) ?? throw new InvalidOperationException($"{Name} mounts {Text(item, "key")}, which the ConfigMap lacks");
        return (ConfigLoader.Parse(text, path), path);
    }
}
