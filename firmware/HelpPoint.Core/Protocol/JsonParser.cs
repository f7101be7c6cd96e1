using System.Collections;
using System.Text;

namespace HelpPoint.Core
{
    /// <summary>
    /// A small, strict-syntax JSON parser for protocol payloads. Values become <see cref="JsonObject"/>,
    /// <see cref="ArrayList"/>, string, long (integers), double (other numbers), bool or
    /// <see cref="Null"/>. It reports failure by returning false instead of throwing, because a
    /// device must shrug off any garbage a broker hands it.
    /// </summary>
    internal sealed class JsonParser
    {
        /// <summary>Stands for a JSON <c>null</c>, so that "null" and "absent" stay distinguishable.</summary>
        internal static readonly object Null = new object();

        // Deep enough for any protocol message, shallow enough that "[[[[…" cannot exhaust the stack.
        private const int MaxDepth = 8;

        // Bounds the work a hostile exponent such as 1e999999999 can cause.
        private const int MaxExponent = 400;

        private readonly string _text;
        private int _pos;

        private JsonParser(string text)
        {
            _text = text;
        }

        /// <summary>Parses exactly one JSON value (surrounding whitespace allowed).</summary>
        internal static bool TryParse(string text, out object value)
        {
            value = null;
            if (text == null)
            {
                return false;
            }

            var parser = new JsonParser(text);
            if (!parser.ParseValue(0, out value))
            {
                value = null;
                return false;
            }

            parser.SkipWhitespace();
            if (parser._pos != text.Length)
            {
                value = null;
                return false;
            }

            return true;
        }

        private bool ParseValue(int depth, out object value)
        {
            value = null;
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return false;
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject(depth + 1, out value);
                case '[':
                    return ParseArray(depth + 1, out value);
                case '"':
                    string s;
                    bool ok = ParseString(out s);
                    value = s;
                    return ok;
                case 't':
                    value = true;
                    return ParseLiteral("true");
                case 'f':
                    value = false;
                    return ParseLiteral("false");
                case 'n':
                    value = Null;
                    return ParseLiteral("null");
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber(out value);
                    }

                    return false;
            }
        }

        private bool ParseObject(int depth, out object value)
        {
            value = null;
            if (depth > MaxDepth)
            {
                return false;
            }

            _pos++; // '{'
            var obj = new JsonObject();
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                value = obj;
                return true;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    return false;
                }

                string name;
                if (!ParseString(out name))
                {
                    return false;
                }

                SkipWhitespace();
                if (Peek() != ':')
                {
                    return false;
                }

                _pos++;
                object member;
                if (!ParseValue(depth, out member))
                {
                    return false;
                }

                obj.Set(name, member);
                SkipWhitespace();
                char c = Peek();
                _pos++;
                if (c == '}')
                {
                    value = obj;
                    return true;
                }

                if (c != ',')
                {
                    return false;
                }
            }
        }

        private bool ParseArray(int depth, out object value)
        {
            value = null;
            if (depth > MaxDepth)
            {
                return false;
            }

            _pos++; // '['
            var list = new ArrayList();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                value = list;
                return true;
            }

            while (true)
            {
                object item;
                if (!ParseValue(depth, out item))
                {
                    return false;
                }

                list.Add(item);
                SkipWhitespace();
                char c = Peek();
                _pos++;
                if (c == ']')
                {
                    value = list;
                    return true;
                }

                if (c != ',')
                {
                    return false;
                }
            }
        }

        private bool ParseString(out string value)
        {
            value = null;
            _pos++; // opening quote
            int start = _pos;

            // Fast path: most protocol strings have no escapes and need no builder.
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '"')
                {
                    value = _text.Substring(start, _pos - start);
                    _pos++;
                    return true;
                }

                if (c == '\\' || c < ' ')
                {
                    break;
                }

                _pos++;
            }

            if (_pos >= _text.Length || _text[_pos] < ' ')
            {
                return false;
            }

            var sb = new StringBuilder(_text.Substring(start, _pos - start));
            while (_pos < _text.Length)
            {
                char c = _text[_pos++];
                if (c == '"')
                {
                    value = sb.ToString();
                    return true;
                }

                if (c < ' ')
                {
                    return false;
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (_pos >= _text.Length)
                {
                    return false;
                }

                char e = _text[_pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        int code;
                        if (!ParseHex4(out code))
                        {
                            return false;
                        }

                        // Surrogate pairs arrive as two escapes and recombine in the UTF-16 string.
                        sb.Append((char)code);
                        break;
                    default:
                        return false;
                }
            }

            return false;
        }

        private bool ParseHex4(out int code)
        {
            code = 0;
            if (_pos + 4 > _text.Length)
            {
                return false;
            }

            for (int i = 0; i < 4; i++)
            {
                char h = _text[_pos++];
                int digit;
                if (h >= '0' && h <= '9')
                {
                    digit = h - '0';
                }
                else if (h >= 'a' && h <= 'f')
                {
                    digit = h - 'a' + 10;
                }
                else if (h >= 'A' && h <= 'F')
                {
                    digit = h - 'A' + 10;
                }
                else
                {
                    return false;
                }

                code = (code * 16) + digit;
            }

            return true;
        }

        private bool ParseNumber(out object value)
        {
            value = null;
            bool negative = false;
            if (Peek() == '-')
            {
                negative = true;
                _pos++;
            }

            long integer = 0;
            double mantissa = 0;
            int digits = 0;
            while (IsDigit(Peek()))
            {
                int d = _text[_pos++] - '0';
                mantissa = (mantissa * 10) + d;
                if (digits < 18)
                {
                    integer = (integer * 10) + d;
                }

                digits++;
            }

            if (digits == 0)
            {
                return false;
            }

            int scale = 0;
            bool isInteger = digits <= 18;
            if (Peek() == '.')
            {
                _pos++;
                isInteger = false;
                int fraction = 0;
                while (IsDigit(Peek()))
                {
                    mantissa = (mantissa * 10) + (_text[_pos++] - '0');
                    scale--;
                    fraction++;
                }

                if (fraction == 0)
                {
                    return false;
                }
            }

            char e = Peek();
            if (e == 'e' || e == 'E')
            {
                _pos++;
                isInteger = false;
                bool negativeExponent = false;
                if (Peek() == '+' || Peek() == '-')
                {
                    negativeExponent = Peek() == '-';
                    _pos++;
                }

                int exponent = 0;
                int exponentDigits = 0;
                while (IsDigit(Peek()))
                {
                    if (exponent < MaxExponent)
                    {
                        exponent = (exponent * 10) + (_text[_pos] - '0');
                    }

                    _pos++;
                    exponentDigits++;
                }

                if (exponentDigits == 0)
                {
                    return false;
                }

                scale += negativeExponent ? -exponent : exponent;
            }

            if (isInteger)
            {
                value = negative ? -integer : integer;
                return true;
            }

            // Protocol numbers are integers; this only has to be near enough for tolerance.
            if (scale > MaxExponent)
            {
                scale = MaxExponent;
            }
            else if (scale < -MaxExponent)
            {
                scale = -MaxExponent;
            }

            for (; scale > 0; scale--)
            {
                mantissa *= 10;
            }

            for (; scale < 0; scale++)
            {
                mantissa /= 10;
            }

            value = negative ? -mantissa : mantissa;
            return true;
        }

        private bool ParseLiteral(string literal)
        {
            if (_pos + literal.Length > _text.Length)
            {
                return false;
            }

            for (int i = 0; i < literal.Length; i++)
            {
                if (_text[_pos + i] != literal[i])
                {
                    return false;
                }
            }

            _pos += literal.Length;
            return true;
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private char Peek()
        {
            return _pos < _text.Length ? _text[_pos] : '\0';
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }
    }
}
