using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// The page, its script, styles and translations: embedded in the gateway assembly (nothing to deploy beside the
/// binary, nothing fetched from the internet), gzipped once at start, revalidated by ETag.
/// </summary>
public sealed class DashboardAssets
{
    private const string Prefix = "dashboard/";
    private readonly Dictionary<string, Asset> _assets;

    private DashboardAssets(Dictionary<string, Asset> assets) => _assets = assets;

    public IReadOnlyCollection<string> Paths => _assets.Keys;

    public static DashboardAssets Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var bytes = Read(assembly, name);
            var path = name[Prefix.Length..];
            assets[path] = new Asset(bytes, Gzip(bytes), ContentType(path), "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes)[..8]) + "\"");
        }

        return new DashboardAssets(assets);
    }

    /// <summary>The raw bytes of an asset, for tests (e.g. that every language has every key).</summary>
    public byte[]? Bytes(string path) => _assets.GetValueOrDefault(path)?.Bytes;

    public async Task ServeAsync(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_assets.TryGetValue(path, out var asset))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = "Accept-Encoding";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var body = gzip ? asset.Gzipped : asset.Bytes;
        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.SmallestSize))
        {
            gzip.Write(bytes);
        }

        return memory.ToArray();
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Bytes, byte[] Gzipped, string ContentType, string ETag);
}
