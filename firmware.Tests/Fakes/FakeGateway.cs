#if !NANOFRAMEWORK_1_0
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using HelpPoint.Simulator.Devices;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// An in-process MQTT broker acting as a minimal gateway: it knows demo-hp-1, demo-hp-2 and
    /// demo-board (secret demo-secret) and answers each request with a retained ticket. .NET only.
    /// </summary>
    public sealed class FakeGateway : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, string> _received = new ConcurrentDictionary<string, string>();
        private readonly string _dataPath;
        private readonly bool _ownsData;
        private int _tickets;

        private FakeGateway(MqttServer server, int port, string dataPath, bool ownsData)
        {
            Server = server;
            Port = port;
            _dataPath = dataPath;
            _ownsData = ownsData;
        }

        public MqttServer Server { get; }

        public int Port { get; }

        public static Task<FakeGateway> StartAsync()
        {
            return StartAsync(FreePort(), TempDataPath(), true);
        }

        public static Task<FakeGateway> StartAsync(int port, string dataPath)
        {
            return StartAsync(port, dataPath, true);
        }

        private static async Task<FakeGateway> StartAsync(int port, string dataPath, bool ownsData)
        {
            var factory = new MqttServerFactory();
            MqttServerOptions options = factory.CreateServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointPort(port)
                .Build();
            MqttServer server = factory.CreateMqttServer(options);
            var gateway = new FakeGateway(server, port, dataPath, ownsData);
            server.ValidatingConnectionAsync += e =>
            {
                bool known = e.UserName == "demo-hp-1" || e.UserName == "demo-hp-2" || e.UserName == "demo-board";
                if (!known || e.Password != "demo-secret")
                {
                    e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                }

                return Task.CompletedTask;
            };
            server.InterceptingPublishAsync += gateway.OnPublishAsync;
            await server.StartAsync();
            return gateway;
        }

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public static string TempDataPath()
        {
            return Path.Combine(Path.GetTempPath(), "helppoint-sim-tests", Guid.NewGuid().ToString("N"));
        }

        public VirtualHelpPointOptions Options(string deviceId)
        {
            return new VirtualHelpPointOptions
            {
                Branch = "demo",
                DeviceId = deviceId,
                Secret = "demo-secret",
                MqttHost = "127.0.0.1",
                MqttPort = Port,
                DataPath = _dataPath,
            };
        }

        /// <summary>The last payload published by a client to that topic, or null.</summary>
        public string Received(string topic)
        {
            return _received.TryGetValue(topic, out string payload) ? payload : null;
        }

        public bool WaitForMessage(string topic, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            while (Received(topic) == null)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                System.Threading.Thread.Sleep(10);
            }

            return true;
        }

        public Task PublishTicketAsync(string deviceId, string json)
        {
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic("helppoint/v1/demo/" + deviceId + "/ticket")
                .WithPayload(json)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(true)
                .Build();
            return Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message));
        }

        /// <summary>Publishes a device's retained config message (the branch's languages and categories).</summary>
        public Task PublishConfigAsync(string deviceId, string json)
        {
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic("helppoint/v1/demo/" + deviceId + "/config")
                .WithPayload(json)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(true)
                .Build();
            return Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message));
        }

        /// <summary>Publishes the branch's retained board message, as the gateway does on every change of the queue.</summary>
        public Task PublishBoardAsync(string json)
        {
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic("helppoint/v1/demo/board")
                .WithPayload(json)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(true)
                .Build();
            return Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message));
        }

        public async ValueTask DisposeAsync()
        {
            await Server.StopAsync(new MqttServerStopOptions());
            Server.Dispose();
            if (_ownsData && Directory.Exists(_dataPath))
            {
                Directory.Delete(_dataPath, true);
            }
        }

        private async Task OnPublishAsync(InterceptingPublishEventArgs e)
        {
            if (string.IsNullOrEmpty(e.ClientId))
            {
                return; // our own injected tickets
            }

            string topic = e.ApplicationMessage.Topic;
            string payload = e.ApplicationMessage.ConvertPayloadToString();
            _received[topic] = payload;
            if (topic.EndsWith("/request", StringComparison.Ordinal))
            {
                // Like the gateway: one ticket per request id, answered on the device's retained ticket topic.
                using var doc = System.Text.Json.JsonDocument.Parse(payload);
                string id = doc.RootElement.GetProperty("id").GetString();
                string device = topic.Split('/')[3];
                int ticket = System.Threading.Interlocked.Increment(ref _tickets);
                await PublishTicketAsync(device, "{\"id\":\"" + id + "\",\"ticket\":\"" + ticket.ToString() + "\",\"state\":\"queued\",\"position\":2,\"waitS\":240,\"host\":null}");
            }
        }
    }
}
#endif
