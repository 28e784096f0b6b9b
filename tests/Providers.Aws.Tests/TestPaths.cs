namespace Acteon.Providers.Aws.Tests;

/// <summary>Locates the repository and the shared test data folder that sits beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Shared { get; } = Path.Combine(Path.GetDirectoryName(RepoRoot)!, "shared");

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
