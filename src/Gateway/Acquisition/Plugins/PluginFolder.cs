using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.RegularExpressions;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Acquisition.Plugins;

/// <summary>
/// Loads one plugin folder: <c>&lt;Name&gt;/&lt;Name&gt;.dll</c> with its <c>.deps.json</c> and private dependencies
/// (the output of <c>dotnet publish</c>), in a load context of its own, and creates every public
/// <see cref="ISensorFactory"/> it contains. Every problem is a sentence that names the file and the fix; a plugin
/// that throws while loading is reported, never allowed to stop the gateway.
/// </summary>
internal static partial class PluginFolder
{
    /// <summary>Why the trimming warnings on plugin loading are suppressed.</summary>
    internal const string JitOnly = "Plugins are loaded only by the JIT build: PluginLoader refuses a plugins folder in the Native AOT " +
        "build, where no assembly can be loaded. A plugin's own code is never trimmed (it is not part of the publish).";

    /// <summary>What one folder yielded, before type names are checked against the others.</summary>
    internal sealed record Loaded(string Name, string Path, List<(string Type, ISensorFactory Factory)> Factories, List<string> Problems);

    public static Loaded Load(string folder)
    {
        var name = System.IO.Path.GetFileName(folder);
        var main = System.IO.Path.Combine(folder, name + ".dll");
        var loaded = new Loaded(name, main, [], []);
        if (!File.Exists(main))
        {
            var present = Directory.EnumerateFiles(folder, "*.dll").Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            loaded.Problems.Add($"{folder}: no {name}.dll in this folder" +
                (present.Count > 0 ? $" (it holds {string.Join(", ", present)})" : "") +
                "; a plugin folder is named after the plugin's main assembly and holds its dotnet publish output");
            return loaded;
        }

        try
        {
            AssemblyName.GetAssemblyName(main);
        }
        catch (BadImageFormatException exception)
        {
            loaded.Problems.Add($"{main}: not a .NET assembly ({exception.Message}); copy the output of dotnet publish of the plugin project");
            return loaded;
        }

        if (LoadAssembly(main, loaded.Problems) is not { } assembly || !HostVersionsSuffice(assembly, main, loaded.Problems))
        {
            return loaded;
        }

        foreach (var type in FactoryTypes(assembly, main, loaded.Problems))
        {
            if (Create(type, main, loaded.Problems) is { } factory && TypeName(factory, type, main, loaded.Problems) is { } typeName)
            {
                loaded.Factories.Add((typeName, factory));
            }
        }

        if (loaded.Factories.Count == 0 && loaded.Problems.Count == 0)
        {
            loaded.Problems.Add($"{main}: has no public, non-abstract class implementing {typeof(ISensorFactory).FullName}; " +
                "is it a sensor plugin built against SmartVillage.Gateway.Plugins?");
        }

        return loaded;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = JitOnly)]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = JitOnly)]
    private static Assembly? LoadAssembly(string main, List<string> problems)
    {
        try
        {
            return new PluginLoadContext(main).LoadFromAssemblyPath(main);
        }
        catch (InvalidOperationException exception)
        {
            // AssemblyDependencyResolver could not read the plugin's .deps.json.
            problems.Add($"{main}: its .deps.json could not be read ({exception.Message}); copy the plugin's whole publish folder again");
        }
        catch (Exception exception) when (exception is FileLoadException or BadImageFormatException or IOException)
        {
            problems.Add($"{main}: could not be loaded ({exception.GetType().Name}: {exception.Message})");
        }

        return null;
    }

    /// <summary>
    /// A plugin built against a newer contract or bindings than this gateway carries would fail at its first call to
    /// a member the gateway lacks; say so now, naming the assembly and both versions.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = JitOnly)]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = JitOnly)]
    private static bool HostVersionsSuffice(Assembly assembly, string main, List<string> problems)
    {
        var before = problems.Count;
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name is { } referenced && HostAssemblies.Find(referenced)?.GetName().Version is { } hostVersion
                && reference.Version is { } wanted && wanted > hostVersion)
            {
                problems.Add($"{main}: built against {referenced} {wanted}, but this gateway carries {hostVersion}; " +
                    "build the plugin against the gateway's versions (Directory.Packages.props) or update the gateway");
            }
        }

        return problems.Count == before;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = JitOnly)]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = JitOnly)]
    private static List<Type> FactoryTypes(Assembly assembly, string main, List<string> problems)
    {
        try
        {
            return [.. assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISensorFactory).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)];
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            problems.Add($"{main}: its types could not be read: {Describe(exception)}");
            return [];
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = JitOnly)]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = JitOnly)]
    private static ISensorFactory? Create(Type type, string main, List<string> problems)
    {
        if (type.GetConstructor(Type.EmptyTypes) is not { } constructor)
        {
            problems.Add($"{main}: {type.FullName} has no public parameterless constructor; the gateway creates each factory with new()");
            return null;
        }

        try
        {
            return (ISensorFactory)constructor.Invoke(null);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            problems.Add($"{main}: the constructor of {type.FullName} failed: {Describe(inner)}");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A missing dependency of the constructor itself surfaces here, before the constructor runs.
            problems.Add($"{main}: {type.FullName} could not be created: {Describe(exception)}");
        }

        return null;
    }

    private static string? TypeName(ISensorFactory factory, Type type, string main, List<string> problems)
    {
        string name;
        try
        {
            name = factory.Type;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            problems.Add($"{main}: the Type of {type.FullName} failed: {Describe(exception)}");
            return null;
        }

        if (name is null || !SafeTypeName().IsMatch(name))
        {
            problems.Add($"{main}: {type.FullName} gives sensor type '{name}'; a type name is up to 64 letters, digits, '-', '_' or '.', " +
                "starting with a letter or digit (e.g. 'ads1115-leaf-wetness')");
            return null;
        }

        return name;
    }

    /// <summary>The exception as one line; a missing dependency says which one and how to fix it.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        FileNotFoundException { FileName: { } missing } =>
            $"it needs {missing}, which is neither in the plugin's folder nor part of the gateway; " +
            "copy the plugin's whole dotnet publish output into its folder, not only its own dll",
        ReflectionTypeLoadException { LoaderExceptions: var inner } when inner.FirstOrDefault(e => e is not null) is { } first =>
            Describe(first),
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex SafeTypeName();
}
