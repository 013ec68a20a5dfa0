namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>The repository these tests were built from, and the configuration (Debug/Release) they were built in.</summary>
public static class SourceTree
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SmartVillage.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("SmartVillage.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>bin/&lt;Configuration&gt;/net10.0/ of this test assembly.</summary>
    public static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
}
