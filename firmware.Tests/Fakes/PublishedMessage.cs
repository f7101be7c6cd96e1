using System.Text;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>One message a fake connection accepted.</summary>
    public sealed class PublishedMessage
    {
        /// <summary>Records a publish.</summary>
        public PublishedMessage(string topic, byte[] payload, bool retain)
        {
            Topic = topic;
            Payload = payload;
            Retain = retain;
        }

        /// <summary>The topic.</summary>
        public string Topic { get; private set; }

        /// <summary>The bytes.</summary>
        public byte[] Payload { get; private set; }

        /// <summary>The retain flag.</summary>
        public bool Retain { get; private set; }

        /// <summary>The payload as text.</summary>
        public string Text
        {
            get { return Encoding.UTF8.GetString(Payload, 0, Payload.Length); }
        }
    }
}
