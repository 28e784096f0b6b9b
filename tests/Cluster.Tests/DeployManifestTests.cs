using Acteon.Gateway.Api.Health;
using Acteon.Silo.Configuration;
using Xunit;
using YamlDotNet.RepresentationModel;
using static Acteon.Cluster.Tests.Support.Manifests;

namespace Acteon.Cluster.Tests;

/// <summary>The Kubernetes manifests refer only to things that exist: files, names, ports, endpoints, config keys.</summary>
public sealed class DeployManifestTests
{
    private const string Gateway = "acteon-gateway";

    [Theory]
    [InlineData("base")]
    [InlineData("overlays/dev")]
    public void Kustomization_ResourcesAndPatches_AreFilesOrFoldersThatExist(string folder)
    {
        var kustomization = Load(Path.Combine(folder, "kustomization.yaml"));
        var paths = Items(kustomization, "resources").Select(n => ((YamlScalarNode)n).Value!)
            .Concat(Items(kustomization, "patches").Select(p => Text(p, "path")!)).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.True(File.Exists(Path.Combine(K8s, folder, p)) || Directory.Exists(Path.Combine(K8s, folder, p)), $"{folder}: {p} does not exist"));
        // Every manifest of the folder is used: a file nobody lists is a mistake.
        var files = Directory.GetFiles(Path.Combine(K8s, folder), "*.yaml").Select(f => Path.GetFileName(f)!).Where(f => f != "kustomization.yaml");
        Assert.Equal(files.Order(StringComparer.Ordinal), paths.Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DevOverlay_Patches_TargetResourcesOfTheBase()
    {
        foreach (var patch in Items(Load("overlays/dev/kustomization.yaml"), "patches").Select(p => Load(Path.Combine("overlays/dev", Text(p, "path")!))))
        {
            Find("base", Text(patch, "kind")!, Text(patch, "metadata", "name")!);
        }
    }

    [Fact]
    public void Deployment_Probes_UseTheRealHealthEndpointsOnTheContainerPort()
    {
        var container = GatewayContainer();
        var port = Items(container, "ports").Single();

        Assert.Equal(HealthEndpoints.ReadyPath, Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal(HealthEndpoints.LivePath, Text(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal(HealthEndpoints.LivePath, Text(container, "startupProbe", "httpGet", "path"));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            Assert.Equal(Text(port, "name"), Text(container, probe, "httpGet", "port"));
        }

        Assert.NotNull(Get(container, "resources", "requests", "cpu"));
        Assert.NotNull(Get(container, "resources", "limits", "memory"));
    }

    [Fact]
    public void ServiceHpaAndPdb_SelectTheDeploymentAndItsPort()
    {
        var deployment = Find("base", "Deployment", Gateway);
        var podLabels = Labels(deployment, "spec", "template", "metadata", "labels");
        var service = Find("base", "Service", Gateway);
        var hpa = Find("base", "HorizontalPodAutoscaler", Gateway);
        var pdb = Find("base", "PodDisruptionBudget", Gateway);

        Assert.Equal(Labels(deployment, "spec", "selector", "matchLabels"), podLabels);
        Assert.All(Labels(service, "spec", "selector"), l => Assert.Equal(l.Value, podLabels[l.Key]));
        Assert.All(Labels(pdb, "spec", "selector", "matchLabels"), l => Assert.Equal(l.Value, podLabels[l.Key]));
        Assert.NotEmpty(Labels(pdb, "spec", "selector", "matchLabels"));
        Assert.Equal(Text(Items(GatewayContainer(), "ports").Single(), "name"), Text(Items(service, "spec", "ports").Single(), "targetPort"));
        Assert.Equal(("Deployment", Gateway), (Text(hpa, "spec", "scaleTargetRef", "kind"), Text(hpa, "spec", "scaleTargetRef", "name")));
        Assert.True(int.Parse(Text(pdb, "spec", "minAvailable")!, System.Globalization.CultureInfo.InvariantCulture)
            < int.Parse(Text(hpa, "spec", "minReplicas")!, System.Globalization.CultureInfo.InvariantCulture), "the PDB must leave room to evict a pod");
    }

    [Fact]
    public void ConfigMap_ActeonToml_LoadsAndAgreesWithTheDeployment()
    {
        var configMap = Find("base", "ConfigMap", "acteon-config");
        var directory = Directory.CreateTempSubdirectory("acteon-deploy-").FullName;
        try
        {
            var path = Path.Combine(directory, "acteon.toml");
            File.WriteAllText(path, Text(configMap, "data", "acteon.toml"));
            var config = ConfigLoader.LoadFile(path);
            var deployment = Find("base", "Deployment", Gateway);
            var container = GatewayContainer();

            Assert.Equal(StateConfig.Postgres, config.State.Backend);
            Assert.Equal(Text(Items(container, "ports").Single(), "containerPort"), config.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(double.Parse(Text(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture)
                >= config.Server.ShutdownTimeout.TotalSeconds + 5, "the grace period must cover shutdown_timeout_seconds and the preStop pause");
            var volume = Items(deployment, "spec", "template", "spec", "volumes").Single();
            Assert.Equal("acteon-config", Text(volume, "configMap", "name"));
            Assert.All(Items(volume, "configMap", "items"), item => Assert.NotNull(Text(configMap, "data", Text(item, "key")!)));
            var mount = Text(Items(container, "volumeMounts").Single(), "mountPath");
            Assert.Contains($"{mount}/acteon.toml", Items(container, "args").Select(a => ((YamlScalarNode)a).Value));
            var rules = new YamlStream();
            rules.Load(new StringReader(Text(configMap, "data", "rules.yaml")!));
            Assert.NotNull(Get(rules.Documents[0].RootNode, "rules"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("base")]
    [InlineData("overlays/dev")]
    public void SecretKeyRefs_NameASecretAndKeyThatExist(string folder)
    {
        var secrets = All("base").Concat(folder == "base" ? [] : All(folder)).Where(m => Text(m, "kind") == "Secret")
            .GroupBy(m => Text(m, "metadata", "name")!)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => Labels(s, "stringData").Keys).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var refs = All(folder).SelectMany(Descendants).Select(m => Get(m, "secretKeyRef")).OfType<YamlMappingNode>().ToList();

        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.Contains(Text(r, "key")!, secrets[Text(r, "name")!]));
    }

    [Fact]
    public void MigrationJob_RunsMigrateWithTheSameConfigAndSecret()
    {
        var job = Find("base", "Job", "acteon-migrate");
        var container = Items(job, "spec", "template", "spec", "containers").Single();

        Assert.Equal("migrate", ((YamlScalarNode)Items(container, "args").First()).Value);
        Assert.Equal(Text(GatewayContainer(), "image"), Text(container, "image"));
        Assert.Equal("acteon-config", Text(Items(job, "spec", "template", "spec", "volumes").Single(), "configMap", "name"));
    }

    [Fact]
    public void DevOverlay_PostgresStatefulSet_IsWhatTheStateUrlPointsAt()
    {
        var statefulSet = Find("overlays/dev", "StatefulSet", "acteon-postgres");
        var service = Find("overlays/dev", "Service", "acteon-postgres");
        var secret = Find("overlays/dev", "Secret", "acteon-postgres");
        var url = new Uri(Text(secret, "stringData", "url")!);
        var port = Items(Items(statefulSet, "spec", "template", "spec", "containers").Single(), "ports").Single();

        Assert.Equal(Text(service, "metadata", "name"), url.Host);
        Assert.Equal(Text(port, "containerPort"), url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Text(port, "name"), Text(Items(service, "spec", "ports").Single(), "targetPort"));
        Assert.All(Labels(service, "spec", "selector"), l => Assert.Equal(l.Value, Labels(statefulSet, "spec", "template", "metadata", "labels")[l.Key]));
    }

    [Fact]
    public void Dockerfile_IsMultiStageAndStartsGatewayApi()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot, "deploy", "Dockerfile"));

        Assert.True(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2);
        Assert.Contains(lines, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && l.Contains("Gateway.Api.dll", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)),
            l => Assert.True(l.Split(' ')[1..^1].All(p => File.Exists(Path.Combine(RepoRoot, p)) || Directory.Exists(Path.Combine(RepoRoot, p))), $"{l}: source missing"));
    }

    private static YamlNode GatewayContainer() =>
        Items(Find("base", "Deployment", Gateway), "spec", "template", "spec", "containers").Single(c => Text(c, "name") == "gateway");
}
