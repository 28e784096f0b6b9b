namespace Acteon.Silo.Configuration;

/// <summary><c>[ui]</c> enabled (default true), dist_path (a folder with an index.html, relative to the file).</summary>
internal static class UiSection
{
    public static UiConfig Read(TomlSection s, string file)
    {
        s.AllowOnly("enabled", "dist_path");
        var config = new UiConfig { Enabled = s.Bool("enabled") ?? true };
        if (s.String("dist_path") is not { } path)
        {
            return config;
        }

        var full = Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", path);
        if (!File.Exists(Path.Combine(full, "index.html")))
        {
            throw s.Error("dist_path", $"\"{path}\" must be a folder holding the dashboard's index.html ({full})");
        }

        return config with { DistPath = full };
    }
}
