using Microsoft.Extensions.Configuration;

namespace Acteon.Silo.Configuration;

/// <summary>
/// Host settings that replace what acteon.toml says, so that a pod's secret and downward API can fill them in while
/// acteon.toml stays in a ConfigMap: <c>Acteon__StateUrl</c> (<c>[state] url</c>), <c>Acteon__AdvertisedAddress</c>
/// (<c>[cluster] advertised_address</c>, the pod IP) and <c>Acteon__SiloName</c> (<c>[cluster] silo_name</c>, the pod name)
/// and <c>Acteon__JwtSecret</c> (<c>[auth] jwt_secret</c>).
/// </summary>
public static class ConfigOverrides
{
    public const string StateUrlSetting = "Acteon:StateUrl";
    public const string AdvertisedAddressSetting = "Acteon:AdvertisedAddress";
    public const string SiloNameSetting = "Acteon:SiloName";
    public const string JwtSecretSetting = "Acteon:JwtSecret";

    public static ActeonConfig Apply(ActeonConfig config, IConfiguration host)
    {
        var stateUrl = host[StateUrlSetting];
        var address = host[AdvertisedAddressSetting];
        var siloName = host[SiloNameSetting];
        var jwtSecret = host[JwtSecretSetting];
        if (!string.IsNullOrEmpty(address) && !System.Net.IPAddress.TryParse(address, out _))
        {
            throw new ConfigurationException($"{AdvertisedAddressSetting.Replace(":", "__", StringComparison.Ordinal)} must be an IP address, not \"{address}\"");
        }

        return config with
        {
            Auth = string.IsNullOrEmpty(jwtSecret) ? config.Auth : config.Auth with { JwtSecret = jwtSecret },
            State = string.IsNullOrEmpty(stateUrl) ? config.State : config.State with { Url = stateUrl },
            Cluster = config.Cluster with
            {
                AdvertisedAddress = string.IsNullOrEmpty(address) ? config.Cluster.AdvertisedAddress : address,
                SiloName = string.IsNullOrEmpty(siloName) ? config.Cluster.SiloName : siloName,
            },
        };
    }
}
