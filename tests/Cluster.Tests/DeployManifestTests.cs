using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Acteon.Cluster.Tests.Support;
using Acteon.Gateway.Api.Health;
using Acteon.Silo.Configuration;
using Xunit;
using YamlDotNet.RepresentationModel;
using static Acteon.Cluster.Tests.Support.Manifests;

namespace Acteon.Cluster.Tests;

/// <summary>
/// The Kubernetes manifests refer only to things that exist: files, names, ports, endpoints, config keys, environment
/// variables. Each layout (a kustomization folder, with components added after a '+') is checked as kustomize builds it.
/// </summary>
public sealed class DeployManifestTests
{
    private const string Gateway = "acteon-gateway";
    private const string Silo = "acteon-silo";
    private const string Config = "acteon-config";
    private const string SiloPortName = "silo";
    private const string OrleansGatewayPortName = "orleans-gateway";
    private const string HttpPortName = "http";

    private static readonly string[] LayoutNames =
        ["base", "overlays/dev", "overlays/client-gateways", "base+components/redis-membership", "overlays/client-gateways+components/redis-membership"];

    private static readonly string[] ProbeNames = ["readinessProbe", "livenessProbe", "startupProbe"];

    private static readonly string[] KustomizationFields = ["resources", "patches", "components"];

    private static readonly string[] PodDisruptionBudgets = [Gateway, Silo];

    private static readonly string SiloAssembly = typeof(ConfigOverrides).Assembly.GetName().Name!;

    private static readonly string GatewayAssembly = typeof(Program).Assembly.GetName().Name!;

    public static TheoryData<string> Layouts => new(LayoutNames);

    public static TheoryData<string> Folders => new(KustomizationFolders());

    [Theory]
    [MemberData(nameof(Folders))]
    public void Kustomization_ResourcesPatchesAndComponents_AreFilesOrFoldersThatExist(string folder)
    {
        var paths = KustomizationFields.SelectMany(field => Kustomize.Paths(folder, field)).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.True(File.Exists(Path.Combine(K8s, p)) || Directory.Exists(Path.Combine(K8s, p)), $"{folder}: {p} does not exist"));
        // Every manifest of the folder is used: a file nobody lists is a mistake.
        var files = Directory.GetFiles(Path.Combine(K8s, folder), "*.yaml").Select(f => $"{folder}/{Path.GetFileName(f)}").Where(f => !f.EndsWith("/kustomization.yaml", StringComparison.Ordinal));
        Assert.Equal(files.Order(StringComparer.Ordinal), paths.Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Layout_Builds_EveryPatchFindsItsTargetAndEveryContainerIsWhole(string layout)
    {
        // Build throws for a patch whose kind and name are not among the resources, or that deletes what is not there;
        // a patch naming a container that does not exist would add a container without an image.
        var pods = Pod.In(Kustomize.Build(layout)).ToList();

        Assert.All(pods, p => Assert.False(string.IsNullOrEmpty(Text(p.Container, "image")), $"{p.Name}: container {Text(p.Container, "name")} has no image"));
    }

    [Fact]
    public void Layouts_CoverEveryOverlayAndComponent()
    {
        var built = LayoutNames.SelectMany(l => l.Split('+')).ToHashSet(StringComparer.Ordinal);

        Assert.All(KustomizationFolders(), folder => Assert.Contains(folder, built));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Workloads_SelectTheirPodsAndProbeDeclaredPorts(string layout)
    {
        var manifests = Kustomize.Build(layout);

        Assert.All(manifests.Where(m => Text(m, "kind") is "Deployment" or "StatefulSet"), w =>
            Assert.Equal(Labels(w, "spec", "template", "metadata", "labels"), Labels(w, "spec", "selector", "matchLabels")));
        Assert.All(Pod.In(manifests), pod =>
        {
            var declared = pod.Ports;
            foreach (var probe in ProbeNames)
            {
                var port = Text(pod.Container, probe, "httpGet", "port") ?? Text(pod.Container, probe, "tcpSocket", "port");
                Assert.True(port is null || declared.ContainsKey(port) || declared.ContainsValue(port), $"{pod.Name}: {probe} on port {port}, which the container does not declare");
                Assert.True(Text(pod.Container, probe, "httpGet", "path") is null or HealthEndpoints.LivePath or HealthEndpoints.ReadyPath, $"{pod.Name}: {probe} on no health endpoint");
            }
        });
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Services_SelectPodsThatDeclareTheirTargetPorts(string layout)
    {
        var manifests = Kustomize.Build(layout);
        var services = manifests.Where(m => Text(m, "kind") == "Service").ToList();

        Assert.Contains(services, s => Name(s) == Gateway);
        Assert.All(services, service =>
        {
            var workloads = Selected(manifests, Labels(service, "spec", "selector")).ToList();
            Assert.NotEmpty(workloads);
            Assert.All(Items(service, "spec", "ports"), port => Assert.All(workloads, workload => Assert.True(
                Pod.In([workload]).Any(p => p.Ports.ContainsKey(Text(port, "targetPort")!)),
                $"Service {Name(service)}: targetPort {Text(port, "targetPort")} is not a port name of {Name(workload)}")));
        });
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void HpaAndPdbs_TargetADeploymentAndLeaveRoomToEvict(string layout)
    {
        var manifests = Kustomize.Build(layout);
        var hpas = manifests.Where(m => Text(m, "kind") == "HorizontalPodAutoscaler").ToList();
        var pdbs = manifests.Where(m => Text(m, "kind") == "PodDisruptionBudget").ToList();

        Assert.All(hpas, hpa => Assert.Single(manifests, m => Text(m, "kind") == Text(hpa, "spec", "scaleTargetRef", "kind") && Name(m) == Text(hpa, "spec", "scaleTargetRef", "name")));
        Assert.Equal(PodDisruptionBudgets, pdbs.Select(Name).Order(StringComparer.Ordinal));
        Assert.All(pdbs, pdb =>
        {
            Assert.NotEmpty(Labels(pdb, "spec", "selector", "matchLabels"));
            var workload = Assert.Single(Selected(manifests, Labels(pdb, "spec", "selector", "matchLabels")));
            var hpa = hpas.SingleOrDefault(h => Text(h, "spec", "scaleTargetRef", "name") == Name(workload));
            var fewestReplicas = hpa is null ? Number(workload, "spec", "replicas") : Number(hpa, "spec", "minReplicas");
            Assert.True(Number(pdb, "spec", "maxUnavailable") >= 1 || Number(pdb, "spec", "minAvailable") < fewestReplicas,
                $"PodDisruptionBudget {Name(pdb)} must leave room to evict a pod of {Name(workload)}");
        });
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ActeonToml_EveryVariantLoadsAndIsBasesApartFromCluster(string layout)
    {
        var configMaps = Kustomize.Build(layout).Where(m => Text(m, "kind") == "ConfigMap").ToList();
        var baseConfig = Find(Kustomize.Build("base"), "ConfigMap", Config);

        Assert.Contains(configMaps, c => Name(c) == Config);
        Assert.All(configMaps.SelectMany(c => Labels(c, "data").Where(d => d.Key.EndsWith(".toml", StringComparison.Ordinal)).Select(d => (Name: Name(c), d.Key, d.Value))), toml =>
        {
            // Unknown keys, sections and values are errors: the file must load as the pods will load it.
            var config = ConfigLoader.Parse(toml.Value, $"{layout}:{toml.Name}/{toml.Key}");
            Assert.Equal(StateConfig.Postgres, config.State.Backend);
            Assert.Equal(WithoutCluster(Text(baseConfig, "data", "acteon.toml")!), WithoutCluster(toml.Value));
        });
        var rules = new YamlStream();
        rules.Load(new StringReader(Text(configMaps.Single(c => Name(c) == Config), "data", "rules.yaml")!));
        Assert.NotNull(Get(rules.Documents[0].RootNode, "rules"));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ActeonPods_ClusterConfig_AgreesWithTheirPortsEnvironmentAndShutdown(string layout)
    {
        var manifests = Kustomize.Build(layout);
        var pods = ActeonPods(manifests).Where(p => p.Kind == "Deployment").ToList();

        Assert.Contains(pods, p => p.Name == Gateway);
        Assert.Contains(pods, p => p.Name == Silo);
        Assert.All(pods, pod =>
        {
            var (config, path) = pod.MountedConfig(manifests);
            var name = pod.Name;
            var ports = pod.Ports;
            var env = pod.Environment;
            var isWorker = pod.Argv.Any(a => a.EndsWith($"/{SiloAssembly}.dll", StringComparison.Ordinal));
            Assert.True(!isWorker || config.Cluster.Role == ClusterConfig.SiloRole, $"{name}: the worker silo runs with role = \"{config.Cluster.Role}\"");
            if (config.Cluster.Role == ClusterConfig.SiloRole)
            {
                Assert.NotEqual(ClusterConfig.LocalMembership, config.Cluster.Membership);
                Assert.Equal(Port(config.Cluster.SiloPort), ports.GetValueOrDefault(SiloPortName));
                Assert.Equal(Port(config.Cluster.GatewayPort), ports.GetValueOrDefault(OrleansGatewayPortName));
                Assert.Equal("status.podIP", Text(env[Variable(ConfigOverrides.AdvertisedAddressSetting)], "valueFrom", "fieldRef", "fieldPath"));
            }
            else
            {
                Assert.DoesNotContain(SiloPortName, ports.Keys);
                Assert.DoesNotContain(OrleansGatewayPortName, ports.Keys);
                Assert.DoesNotContain(Variable(ConfigOverrides.AdvertisedAddressSetting), env.Keys);
            }

            Assert.Equal("metadata.name", Text(env[Variable(ConfigOverrides.SiloNameSetting)], "valueFrom", "fieldRef", "fieldPath"));
            Assert.True(isWorker || ports[HttpPortName] == Port(config.Server.Port), $"{name}: [server] port is not the http containerPort");
            var grace = Number(pod.Workload, "spec", "template", "spec", "terminationGracePeriodSeconds");
            var preStop = Number(pod.Container, "lifecycle", "preStop", "sleep", "seconds");
            Assert.True(grace > preStop + config.Server.ShutdownTimeout.TotalSeconds,
                $"{name}: terminationGracePeriodSeconds {grace} must exceed the preStop pause ({preStop}) plus shutdown_timeout_seconds ({config.Server.ShutdownTimeout.TotalSeconds})");
            Assert.True(pod.MountedFiles.Any(f => f.StartsWith(config.Rules.Directory + "/", StringComparison.Ordinal)), $"{name}: nothing is mounted in [rules] directory {config.Rules.Directory} ({path})");
            Assert.NotNull(Get(pod.Container, "resources", "requests", "cpu"));
            Assert.NotNull(Get(pod.Container, "resources", "limits", "memory"));
        });
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ActeonPods_ActeonVariables_AreConfigOverridesSettings(string layout)
    {
        var overrides = typeof(ConfigOverrides).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => Variable((string)f.GetRawConstantValue()!)).ToHashSet(StringComparer.Ordinal);
        var pods = ActeonPods(Kustomize.Build(layout)).ToList();

        Assert.Contains(Variable(ConfigOverrides.StateUrlSetting), overrides);
        Assert.All(pods, pod =>
        {
            var env = pod.Environment;
            Assert.All(env.Keys.Where(k => k.StartsWith("Acteon__", StringComparison.Ordinal)), variable =>
                Assert.True(overrides.Contains(variable), $"{pod.Name}: {variable} is not one of ConfigOverrides' settings ({string.Join(", ", overrides)})"));
            Assert.NotNull(Get(env[Variable(ConfigOverrides.StateUrlSetting)], "valueFrom", "secretKeyRef"));
        });
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void SecretKeyRefs_NameASecretAndKeyThatExist(string layout)
    {
        var manifests = Kustomize.Build(layout);
        var secrets = manifests.Where(m => Text(m, "kind") == "Secret")
            .ToDictionary(Name, s => Labels(s, "stringData").Keys.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var refs = manifests.SelectMany(Descendants).Select(m => Get(m, "secretKeyRef")).OfType<YamlMappingNode>().ToList();

        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.Contains(Text(r, "key")!, secrets[Text(r, "name")!]));
    }

    [Fact]
    public void Base_WorkerSilo_RunsTheSiloExecutableOfTheGatewayImageWithTcpProbes()
    {
        var manifests = Kustomize.Build("base");
        var silo = Assert.Single(ActeonPods(manifests), p => p.Name == Silo);
        var gateway = Assert.Single(ActeonPods(manifests), p => p.Name == Gateway);

        Assert.Equal(new List<string> { "dotnet", $"/app/{SiloAssembly}.dll", "-c", silo.MountedConfig(manifests).Path }, silo.Argv);
        Assert.Equal(Text(gateway.Container, "image"), Text(silo.Container, "image"));
        Assert.Empty(Items(gateway.Container, "command"));
        Assert.All(ProbeNames, probe => Assert.NotNull(Text(silo.Container, probe, "tcpSocket", "port")));
        Assert.Equal(HealthEndpoints.ReadyPath, Text(gateway.Container, "readinessProbe", "httpGet", "path"));
        Assert.Equal(HealthEndpoints.LivePath, Text(gateway.Container, "livenessProbe", "httpGet", "path"));
        Assert.Equal(HealthEndpoints.LivePath, Text(gateway.Container, "startupProbe", "httpGet", "path"));
        Assert.Equal(ClusterConfig.SiloRole, gateway.MountedConfig(manifests).Config.Cluster.Role);
    }

    [Fact]
    public void ClientGatewaysOverlay_GatewayIsAClientAndTheWorkerSilosScaleUp()
    {
        var manifests = Kustomize.Build("overlays/client-gateways");
        var gateway = Assert.Single(ActeonPods(manifests), p => p.Name == Gateway);

        Assert.Equal(ClusterConfig.ClientRole, gateway.MountedConfig(manifests).Config.Cluster.Role);
        Assert.True(Number(Find(manifests, "Deployment", Silo), "spec", "replicas") > Number(Find(Kustomize.Build("base"), "Deployment", Silo), "spec", "replicas"));
    }

    [Fact]
    public void RedisComponent_RedisUrlIsItsServiceAndPort()
    {
        var manifests = Kustomize.Build("base+components/redis-membership");
        var service = Find(manifests, "Service", "acteon-redis");

        Assert.All(ActeonPods(manifests).Where(p => p.Kind == "Deployment"), pod =>
        {
            var config = pod.MountedConfig(manifests).Config;
            Assert.Equal(ClusterConfig.RedisMembership, config.Cluster.Membership);
            Assert.Equal($"{Name(service)}:{Text(Items(service, "spec", "ports").Single(), "port")}", config.Cluster.RedisUrl);
        });
    }

    [Fact]
    public void MigrationJob_RunsMigrateWithTheSameImageConfigAndSecret()
    {
        var manifests = Kustomize.Build("base");
        var job = Assert.Single(ActeonPods(manifests), p => p.Kind == "Job");

        Assert.Equal("migrate", job.Argv.First());
        Assert.Equal(StateConfig.Postgres, job.MountedConfig(manifests).Config.State.Backend);
        Assert.Single(ActeonPods(manifests).Select(p => Text(p.Container, "image")).Distinct());
    }

    [Fact]
    public void DevOverlay_PostgresStatefulSet_IsWhatTheStateUrlPointsAt()
    {
        var manifests = Kustomize.Build("overlays/dev");
        var statefulSet = Find(manifests, "StatefulSet", "acteon-postgres");
        var service = Find(manifests, "Service", "acteon-postgres");
        var url = new Uri(Text(Find(manifests, "Secret", "acteon-postgres"), "stringData", "url")!);
        var port = Items(Items(statefulSet, "spec", "template", "spec", "containers").Single(), "ports").Single();

        Assert.Equal(Name(service), url.Host);
        Assert.Equal(Text(port, "containerPort"), Port(url.Port));
    }

    [Fact]
    public void Dockerfile_PublishesGatewayAndSiloIntoTheFolderTheManifestsRun()
    {
        var lines = string.Join('\n', File.ReadAllLines(Path.Combine(RepoRoot, "deploy", "Dockerfile"))).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
        var projects = ProjectClosure("Gateway.Api/Gateway.Api.csproj").ToList();
        var publishes = lines.Where(l => l.StartsWith("RUN ", StringComparison.Ordinal)).SelectMany(l => l[4..].Split("&&"))
            .Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(c => c is ["dotnet", "publish", ..]).ToList();
        var output = Assert.Single(publishes.Select(c => c[Array.IndexOf(c, "-o") + 1]).Distinct());
        var siloProject = Assert.Single(projects, p => XDocument.Load(Path.Combine(RepoRoot, p)).Descendants("AssemblyName").Single().Value == SiloAssembly);

        Assert.True(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2);
        Assert.Equal(new[] { "Gateway.Api/Gateway.Api.csproj", siloProject }.Order(StringComparer.Ordinal), publishes.Select(c => c[2]).Order(StringComparer.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && l.Contains($"\"{output}/{GatewayAssembly}.dll\"", StringComparison.Ordinal));
        Assert.Contains($"{output}/{SiloAssembly}.dll", Pod.In(Kustomize.Build("base")).Single(p => p.Name == Silo).Argv);
        // Every project the build needs is copied: its .csproj before the restore, its folder before the publish.
        Assert.All(projects, p => Assert.Contains($"COPY {p} {Path.GetDirectoryName(p)}/", lines));
        Assert.All(projects, p => Assert.Contains($"COPY {Path.GetDirectoryName(p)}/ {Path.GetDirectoryName(p)}/", lines));
        Assert.All(lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)),
            l => Assert.True(l.Split(' ')[1..^1].All(p => File.Exists(Path.Combine(RepoRoot, p)) || Directory.Exists(Path.Combine(RepoRoot, p))), $"{l}: source missing"));
    }

    private static IEnumerable<string> KustomizationFolders() =>
        Directory.GetFiles(K8s, "kustomization.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(K8s, Path.GetDirectoryName(f)!).Replace('\\', '/')).Order(StringComparer.Ordinal);

    private static string Name(YamlNode manifest) => Text(manifest, "metadata", "name")!;

    private static YamlMappingNode Find(IEnumerable<YamlMappingNode> manifests, string kind, string name) =>
        Assert.Single(manifests, m => Text(m, "kind") == kind && Name(m) == name);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static double Number(YamlNode node, params string[] path) =>
        Text(node, path) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : 0;

    private static string Variable(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The containers that read acteon.toml: those whose pod mounts the acteon-config ConfigMap.</summary>
    private static IEnumerable<Pod> ActeonPods(IEnumerable<YamlMappingNode> manifests) => Pod.In(manifests).Where(p => p.MountsConfigMap(Config));

    private static IEnumerable<YamlMappingNode> Selected(IEnumerable<YamlMappingNode> manifests, Dictionary<string, string> selector) =>
        manifests.Where(m => Text(m, "kind") is "Deployment" or "StatefulSet"
            && selector.All(l => Labels(m, "spec", "template", "metadata", "labels").GetValueOrDefault(l.Key) == l.Value));

    /// <summary>The TOML without its <c>[cluster]</c> table, where the variants of acteon.toml may differ.</summary>
    private static string WithoutCluster(string toml)
    {
        var kept = new List<string>();
        var inCluster = false;
        foreach (var line in toml.Split('\n'))
        {
            inCluster = line.StartsWith('[') ? line.Trim() == "[cluster]" : inCluster;
            if (!inCluster)
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept);
    }

    /// <summary>The project and every project it references, directly or not, as paths from the repository root.</summary>
    private static SortedSet<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var reference in XDocument.Load(Path.Combine(RepoRoot, next)).Descendants("ProjectReference"))
                {
                    var full = Path.GetFullPath(Path.Combine(RepoRoot, Path.GetDirectoryName(next)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                    pending.Push(Path.GetRelativePath(RepoRoot, full).Replace('\\', '/'));
                }
            }
        }

        return seen;
    }
}
