using System.Net;
using System.Net.Sockets;

namespace SmartVillage.Gateway.BrowserTests.Support;

/// <summary>HTTP clients whose connections come from a chosen loopback address (each its own login throttle), keeping cookies.</summary>
public static class LoopbackClient
{
    public static HttpClient Create(Uri baseAddress, int host)
    {
        var source = IPAddress.Parse($"127.0.0.{host}");
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
    }
}
