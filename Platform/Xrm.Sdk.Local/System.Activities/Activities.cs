using System;
using System.Collections.Generic;
namespace System.Activities
{
    // net10.0 only: the slice of .NET Framework's System.Activities that custom workflow activities
    // compile against. The emulator's workflow runner builds the context and invokes Execute.

    public abstract class Activity
    {
        public string DisplayName { get; set; }
    }

    public abstract class CodeActivity : Activity
    {
        protected abstract void Execute(CodeActivityContext context);

        internal void InvokeExecute(CodeActivityContext context) => Execute(context);
    }

    public class ActivityContext
    {
        private readonly Dictionary<Argument, object> _values = new Dictionary<Argument, object>();
        private readonly Dictionary<Type, object> _extensions;

        internal ActivityContext(IDictionary<Type, object> extensions)
        {
            _extensions = new Dictionary<Type, object>(extensions);
        }

        public T GetExtension<T>() where T : class =>
            _extensions.TryGetValue(typeof(T), out var extension) ? (T)extension : null;

        public object GetValue(Argument argument)
        {
            if (argument == null) throw new ArgumentNullException(nameof(argument));
            return _values.TryGetValue(argument, out var value) ? value : null;
        }

        public T GetValue<T>(InArgument<T> argument)
        {
            var value = GetValue((Argument)argument);
            return value == null ? default : (T)value;
        }

        public T GetValue<T>(OutArgument<T> argument)
        {
            var value = GetValue((Argument)argument);
            return value == null ? default : (T)value;
        }

        public void SetValue(Argument argument, object value)
        {
            if (argument == null) throw new ArgumentNullException(nameof(argument));
            _values[argument] = value;
        }

        public void SetValue<T>(InArgument<T> argument, T value) => SetValue((Argument)argument, value);

        public void SetValue<T>(OutArgument<T> argument, T value) => SetValue((Argument)argument, value);
    }

    public class CodeActivityContext : ActivityContext
    {
        internal CodeActivityContext(IDictionary<Type, object> extensions) : base(extensions)
        {
        }
    }

    public abstract class Argument
    {
        internal Argument()
        {
        }

        public Type ArgumentType { get; internal set; }

        public object Get(ActivityContext context) => context.GetValue(this);

        public T Get<T>(ActivityContext context)
        {
            var value = context.GetValue(this);
            return value == null ? default : (T)value;
        }

        public void Set(ActivityContext context, object value) => context.SetValue(this, value);
    }

    public abstract class InArgument : Argument
    {
        internal InArgument()
        {
        }
    }

    public abstract class OutArgument : Argument
    {
        internal OutArgument()
        {
        }
    }

    public sealed class InArgument<T> : InArgument
    {
        public InArgument()
        {
            ArgumentType = typeof(T);
        }

        public InArgument(T constValue) : this()
        {
            ConstValue = constValue;
            HasConstValue = true;
        }

        internal T ConstValue { get; }

        internal bool HasConstValue { get; }

        public new T Get(ActivityContext context) => context.GetValue(this);

        public void Set(ActivityContext context, T value) => context.SetValue(this, value);
    }

    public sealed class OutArgument<T> : OutArgument
    {
        public OutArgument()
        {
            ArgumentType = typeof(T);
        }

        public new T Get(ActivityContext context) => context.GetValue(this);

        public void Set(ActivityContext context, T value) => context.SetValue(this, value);
    }
}
