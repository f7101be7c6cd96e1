using System;

namespace HelpPoint.Core
{
    /// <summary>
    /// The device's persisted request counter. Request ids are <c>{device}-{seq:D6}</c>; the gateway
    /// deduplicates on them, so a number must never be handed out twice, not even across a reboot.
    /// </summary>
    public sealed class RequestSequence
    {
        /// <summary>The committed counter file.</summary>
        public const string FileName = "reqseq.txt";

        /// <summary>The file a new value is written to before it replaces <see cref="FileName"/>.</summary>
        public const string TempFileName = "reqseq.tmp";

        private readonly IStorage _storage;
        private readonly string _deviceId;
        private readonly byte[] _digits = new byte[20];
        private long _last;

        /// <summary>Loads the last issued number from storage (0 when the device never issued one).</summary>
        public RequestSequence(IStorage storage, string deviceId)
        {
            if (storage == null)
            {
                throw new ArgumentNullException("storage");
            }

            if (!Topics.IsValidName(deviceId))
            {
                throw new ArgumentException("device id must match [a-z0-9-]{1,32}");
            }

            _storage = storage;
            _deviceId = deviceId;

            // A power cut between writing the temp file and renaming it leaves both files behind; the
            // temp one may hold the newer value, and that value may already be in use. Taking the larger
            // of the two never goes backwards. A half-written temp file does not parse and is ignored;
            // its number had not been used, since ids are only used after the commit.
            long committed = ReadNumber(FileName);
            long pending = ReadNumber(TempFileName);
            _last = committed > pending ? committed : pending;
        }

        /// <summary>The last issued sequence number, 0 when none.</summary>
        public long Last
        {
            get { return _last; }
        }

        /// <summary>The last issued request id, or null when none was issued.</summary>
        public string LastId
        {
            get { return _last == 0 ? null : FormatId(_deviceId, _last); }
        }

        /// <summary>Allocates the next number, persists it, and only then returns its request id.</summary>
        public string Next()
        {
            long next = _last + 1;
            _storage.Write(TempFileName, _digits, WriteDigits(next));
            _storage.Rename(TempFileName, FileName);
            _last = next;
            return FormatId(_deviceId, next);
        }

        /// <summary><c>{device}-{seq}</c> with at least six digits, e.g. <c>kista-hp-1-000042</c>.</summary>
        public static string FormatId(string deviceId, long seq)
        {
            return deviceId + "-" + seq.ToString("D6");
        }

        // Decimal digits of a positive number into the reused buffer; returns their count.
        private int WriteDigits(long value)
        {
            int count = 0;
            long divisor = 1;
            while (value / divisor >= 10)
            {
                divisor *= 10;
            }

            while (divisor > 0)
            {
                _digits[count++] = (byte)('0' + (int)(value / divisor % 10));
                divisor /= 10;
            }

            return count;
        }

        private long ReadNumber(string name)
        {
            byte[] data = _storage.ReadAll(name);
            if (data == null || data.Length == 0 || data.Length > 19)
            {
                return 0;
            }

            long value = 0;
            for (int i = 0; i < data.Length; i++)
            {
                byte b = data[i];
                if (b < (byte)'0' || b > (byte)'9')
                {
                    return 0;
                }

                value = (value * 10) + (b - (byte)'0');
            }

            return value;
        }
    }
}
