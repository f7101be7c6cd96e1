using System.Collections;

namespace HelpPoint.Core
{
    /// <summary>A parsed JSON object: names and values in two parallel lists, searched linearly.</summary>
    /// <remarks>Protocol objects have fewer than ten fields, so a list beats a hash table here and
    /// keeps Core off the separate collections package on the device.</remarks>
    internal sealed class JsonObject
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _values = new ArrayList();

        /// <summary>Adds a member; a repeated name replaces the earlier value, as most parsers do.</summary>
        internal void Set(string name, object value)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name)
                {
                    _values[i] = value;
                    return;
                }
            }

            _names.Add(name);
            _values.Add(value);
        }

        /// <summary>The value, <see cref="JsonParser.Null"/> for an explicit null, or null when absent.</summary>
        internal object Get(string name)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name)
                {
                    return _values[i];
                }
            }

            return null;
        }
    }
}
