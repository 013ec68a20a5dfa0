using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Acquisition.Plugins;

/// <summary>
/// Writes real plugin assemblies for the loader's tests, in milliseconds: each factory is emitted as IL against the
/// real contract and saved as a .dll (System.Reflection.Emit's persisted assemblies), so the loader reads, loads and
/// reflects over genuine files, broken in exactly the way a test needs.
/// </summary>
internal static class EmittedPlugin
{
    private const MethodAttributes Implementation =
        MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.HideBySig | MethodAttributes.NewSlot | MethodAttributes.Final;

    /// <summary>Writes <c>&lt;pluginsFolder&gt;/&lt;name&gt;/&lt;name&gt;.dll</c> holding <paramref name="factories"/>.</summary>
    public static string Write(string pluginsFolder, string name, params EmittedFactory[] factories)
    {
        var folder = Directory.CreateDirectory(Path.Combine(pluginsFolder, name)).FullName;
        var path = Path.Combine(folder, name + ".dll");
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(name);
        foreach (var factory in factories)
        {
            Define(module, factory);
        }

        assembly.Save(path);
        return path;
    }

    /// <summary>
    /// A public class <c>&lt;name&gt;.Base</c> in an assembly of its own, saved in <paramref name="elsewhere"/> (never in
    /// a plugin folder) and loaded in a throwaway context so a plugin can be emitted against it.
    /// </summary>
    public static Type LibraryType(string elsewhere, string name, Version? version = null)
    {
        var path = Path.Combine(Directory.CreateDirectory(elsewhere).FullName, name + ".dll");
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = version ?? new Version(1, 0, 0, 0) }, typeof(object).Assembly);
        var type = assembly.DefineDynamicModule(name).DefineType($"{name}.Base", TypeAttributes.Public | TypeAttributes.Class);
        type.DefineDefaultConstructor(MethodAttributes.Public);
        type.CreateType();
        assembly.Save(path);
        return new AssemblyLoadContext($"library {name}").LoadFromAssemblyPath(path).GetType($"{name}.Base", throwOnError: true)!;
    }

    private static void Define(ModuleBuilder module, EmittedFactory spec)
    {
        var parent = spec.BaseType ?? typeof(object);
        var type = module.DefineType(spec.ClassName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, parent, [typeof(ISensorFactory)]);

        var constructor = type.DefineConstructor(
            MethodAttributes.Public | MethodAttributes.HideBySig, CallingConventions.Standard, spec.ParameterlessConstructor ? [] : [typeof(int)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, parent.GetConstructor(Type.EmptyTypes)!);
        if (spec.ConstructorThrows is { } constructorMessage)
        {
            Throw(il, typeof(InvalidOperationException), constructorMessage);
        }
        else
        {
            il.Emit(OpCodes.Ret);
        }

        var getType = Implement(type, nameof(ISensorFactory.Type), "get_Type", typeof(string), []);
        il = getType.GetILGenerator();
        il.Emit(OpCodes.Ldstr, spec.SensorType);
        il.Emit(OpCodes.Ret);
        type.DefineProperty(nameof(ISensorFactory.Type), PropertyAttributes.None, typeof(string), null).SetGetMethod(getType);

        il = Implement(type, nameof(ISensorFactory.Validate), nameof(ISensorFactory.Validate), typeof(IReadOnlyList<string>), [typeof(SensorDefinition)])
            .GetILGenerator();
        if (spec.ValidateThrows is { } validateMessage)
        {
            Throw(il, typeof(FormatException), validateMessage);
        }
        else
        {
            il.Emit(OpCodes.Call, typeof(Array).GetMethod(nameof(Array.Empty))!.MakeGenericMethod(typeof(string)));
            il.Emit(OpCodes.Ret);
        }

        il = Implement(type, nameof(ISensorFactory.Create), nameof(ISensorFactory.Create), typeof(ISensor), [typeof(SensorDefinition), typeof(IHardware)])
            .GetILGenerator();
        if (spec.CreatesNothing)
        {
            il.Emit(OpCodes.Ldnull);
            il.Emit(OpCodes.Ret);
        }
        else
        {
            Throw(il, typeof(NotSupportedException), "an emitted test factory builds no sensor");
        }

        type.CreateType();
    }

    private static MethodBuilder Implement(TypeBuilder type, string member, string name, Type returns, Type[] parameters)
    {
        var attributes = name.StartsWith("get_", StringComparison.Ordinal) ? Implementation | MethodAttributes.SpecialName : Implementation;
        var method = type.DefineMethod(name, attributes, returns, parameters);
        var declared = member == name
            ? typeof(ISensorFactory).GetMethod(name)!
            : typeof(ISensorFactory).GetProperty(member)!.GetMethod!;
        type.DefineMethodOverride(method, declared);
        return method;
    }

    private static void Throw(ILGenerator il, Type exception, string message)
    {
        il.Emit(OpCodes.Ldstr, message);
        il.Emit(OpCodes.Newobj, exception.GetConstructor([typeof(string)])!);
        il.Emit(OpCodes.Throw);
    }
}
