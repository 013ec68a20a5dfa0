using Microsoft.AspNetCore.Http.Features;

namespace SmartVillage.Gateway.Dashboard;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows only the gateway itself (no inline script, no
/// other host, no framing), no MIME sniffing, no referrer; and a small request-body limit, since nothing the
/// dashboard accepts is larger.
/// </summary>
public static class SecurityHeaders
{
    public const long MaxRequestBodyBytes = 64 * 1024;

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseDashboardSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            var body = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (body is { IsReadOnly: false })
            {
                body.MaxRequestBodySize = MaxRequestBodyBytes;
            }

            return next(context);
        });
}
