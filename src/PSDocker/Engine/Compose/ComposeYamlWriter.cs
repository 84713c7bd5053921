using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Writes a resolved project as <c>docker compose config</c> prints it: top-level name, services (by
    /// name), networks, volumes; each service's keys in compose-go's order and snake_case; short
    /// syntaxes in their long form; paths absolute; durations as Go writes them (<c>1m30s</c>).
    /// </summary>
    internal static class ComposeYamlWriter
    {
        private static readonly Regex PlainUnsafe = new Regex(
            @"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(:[0-9]+)+)$",
            RegexOptions.CultureInvariant);

        /// <summary>The YAML text of the project, restricted to <paramref name="services"/> when given.</summary>
        public static string Write(ComposeProjectConfig project, IEnumerable<ComposeServiceConfig>? services = null)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            var emitter = new Emitter(writer, EmitterSettings.Default.WithBestIndent(2).WithIndentedSequences().WithNewLine("\n"));
            var e = new Writer(emitter);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart(null, null, true));
            e.Map(() =>
            {
                e.Pair("name", project.Name);
                e.Key("services");
                e.Map(() =>
                {
                    foreach (var service in (services ?? project.Services).OrderBy(s => s.Name, StringComparer.Ordinal))
                    {
                        e.Key(service.Name);
                        Service(e, service);
                    }
                });
                var used = ComposeUsage.Networks(services ?? project.Services);
                var networks = project.Networks.Where(n => services is null || used.Contains(n.Key)).OrderBy(n => n.Key, StringComparer.Ordinal).ToList();
                if (networks.Count > 0)
                {
                    e.Key("networks");
                    e.Map(() =>
                    {
                        foreach (var network in networks)
                        {
                            e.Key(network.Key);
                            e.Map(() =>
                            {
                                e.Pair("name", network.Name);
                                e.Pair("driver", network.Driver);
                                if (network.Subnets.Length > 0)
                                {
                                    e.Key("ipam");
                                    e.Map(() =>
                                    {
                                        e.Key("config");
                                        e.Seq(() =>
                                        {
                                            foreach (var subnet in network.Subnets)
                                            {
                                                e.Map(() => e.Pair("subnet", subnet));
                                            }
                                        });
                                    });
                                }

                                e.Flag("external", network.External);
                                e.Flag("internal", network.Internal);
                                e.Dictionary("labels", network.Labels);
                            });
                        }
                    });
                }

                var volumeKeys = ComposeUsage.Volumes(services ?? project.Services);
                var volumes = project.Volumes.Where(v => services is null || volumeKeys.Contains(v.Key)).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
                if (volumes.Count > 0)
                {
                    e.Key("volumes");
                    e.Map(() =>
                    {
                        foreach (var volume in volumes)
                        {
                            e.Key(volume.Key);
                            e.Map(() =>
                            {
                                e.Pair("name", volume.Name);
                                e.Pair("driver", volume.Driver);
                                e.Flag("external", volume.External);
                                e.Dictionary("labels", volume.Labels);
                            });
                        }
                    });
                }
            });
            emitter.Emit(new DocumentEnd(true));
            emitter.Emit(new StreamEnd());
            return writer.ToString();
        }

        private static void Service(Writer e, ComposeServiceConfig s) => e.Map(() =>
        {
            e.List("profiles", s.Profiles);
            if (s.Build is { } build)
            {
                e.Key("build");
                e.Map(() =>
                {
                    e.Pair("context", build.Context);
                    e.Pair("dockerfile", build.Dockerfile);
                    e.Dictionary("args", build.Args);
                    e.Pair("target", build.Target);
                });
            }

            e.List("command", s.Command);
            e.Pair("container_name", s.ContainerName);
            if (s.DependsOn.Count > 0)
            {
                e.Key("depends_on");
                e.Map(() =>
                {
                    foreach (var pair in s.DependsOn)
                    {
                        e.Key(pair.Key);
                        e.Map(() =>
                        {
                            e.Pair("condition", pair.Value.Condition);
                            e.Flag("restart", pair.Value.Restart);
                            e.Key("required");
                            e.Plain(pair.Value.Required ? "true" : "false");
                        });
                    }
                });
            }

            if (s.Replicas != 1)
            {
                e.Key("deploy");
                e.Map(() =>
                {
                    e.Key("replicas");
                    e.Plain(s.Replicas.ToString(CultureInfo.InvariantCulture));
                });
            }

            e.List("dns", s.Dns);
            e.List("entrypoint", s.Entrypoint);
            e.Dictionary("environment", s.Environment);
            e.List("expose", s.Ports.Where(p => !p.Publish).Select(p => p.Target.ToString(CultureInfo.InvariantCulture) + (p.Protocol == "tcp" ? string.Empty : "/" + p.Protocol)).ToArray());
            e.List("extra_hosts", s.ExtraHosts);
            e.Pair("hostname", s.Hostname);
            if (s.Healthcheck is { } health)
            {
                e.Key("healthcheck");
                e.Map(() =>
                {
                    e.List("test", health.Test);
                    e.Pair("timeout", GoDuration(health.Timeout));
                    e.Pair("interval", GoDuration(health.Interval));
                    if (health.Retries is { } retries)
                    {
                        e.Key("retries");
                        e.Plain(retries.ToString(CultureInfo.InvariantCulture));
                    }

                    e.Pair("start_period", GoDuration(health.StartPeriod));
                    e.Flag("disable", health.Disable);
                });
            }

            e.Pair("image", s.Image);
            e.Dictionary("labels", s.Labels);
            e.Key("networks");
            e.Map(() =>
            {
                foreach (var pair in s.Networks)
                {
                    e.Key(pair.Key);
                    if (pair.Value.Aliases.Length == 0)
                    {
                        e.Plain("null");
                    }
                    else
                    {
                        e.Map(() => e.List("aliases", pair.Value.Aliases));
                    }
                }
            });
            var published = s.Ports.Where(p => p.Publish).ToList();
            if (published.Count > 0)
            {
                e.Key("ports");
                e.Seq(() =>
                {
                    foreach (var port in published)
                    {
                        e.Map(() =>
                        {
                            e.Pair("mode", "ingress");
                            e.Pair("host_ip", port.HostIp);
                            e.Key("target");
                            e.Plain(port.Target.ToString(CultureInfo.InvariantCulture));
                            e.Pair("published", port.Published);
                            e.Pair("protocol", port.Protocol);
                        });
                    }
                });
            }

            e.Pair("restart", s.Restart);
            e.List("tmpfs", s.Tmpfs);
            e.Pair("user", s.User);
            if (s.Volumes.Length > 0)
            {
                e.Key("volumes");
                e.Seq(() =>
                {
                    foreach (var mount in s.Volumes)
                    {
                        e.Map(() =>
                        {
                            e.Pair("type", mount.Type);
                            e.Pair("source", mount.Source);
                            e.Pair("target", mount.Target);
                            e.Flag("read_only", mount.ReadOnly);
                            if (mount.CreateHostPath)
                            {
                                e.Key("bind");
                                e.Map(() => e.Flag("create_host_path", true));
                            }
                        });
                    }
                });
            }

            e.Pair("stop_grace_period", GoDuration(s.StopGracePeriod));
            e.Pair("stop_signal", s.StopSignal);
            e.Pair("working_dir", s.WorkingDir);
        });

        /// <summary>A duration as Go's time.Duration.String writes it: <c>1m30s</c>, <c>10s</c>, <c>500ms</c>, <c>1h0m0s</c>.</summary>
        internal static string? GoDuration(TimeSpan? value)
        {
            if (value is not { } d)
            {
                return null;
            }

            var ticks = d.Ticks;
            if (ticks == 0)
            {
                return "0s";
            }

            var sign = ticks < 0 ? "-" : string.Empty;
            ticks = Math.Abs(ticks);
            if (ticks < TimeSpan.TicksPerSecond)
            {
                return ticks % TimeSpan.TicksPerMillisecond == 0
                    ? sign + (ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms"
                    : sign + Trim((ticks / 10m).ToString(CultureInfo.InvariantCulture)) + "µs";
            }

            var builder = new StringBuilder(sign);
            var hours = ticks / TimeSpan.TicksPerHour;
            var minutes = ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
            var seconds = (ticks % TimeSpan.TicksPerMinute) / (decimal)TimeSpan.TicksPerSecond;
            if (hours > 0)
            {
                builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            builder.Append(Trim(seconds.ToString(CultureInfo.InvariantCulture))).Append('s');
            return builder.ToString();
        }

        private static string Trim(string number) => number.Contains('.') ? number.TrimEnd('0').TrimEnd('.') : number;

        private sealed class Writer
        {
            private readonly IEmitter _emitter;

            public Writer(IEmitter emitter) => _emitter = emitter;

            public void Map(Action body)
            {
                _emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                body();
                _emitter.Emit(new MappingEnd());
            }

            public void Seq(Action body)
            {
                _emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                body();
                _emitter.Emit(new SequenceEnd());
            }

            public void Key(string key) => _emitter.Emit(new Scalar(key));

            public void Plain(string value) => _emitter.Emit(new Scalar(value));

            public void Text(string value)
            {
                var style = value.IndexOf('\n') >= 0 ? ScalarStyle.Literal : PlainUnsafe.IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
                _emitter.Emit(new Scalar(null, null, value, style, true, true));
            }

            public void Pair(string key, string? value)
            {
                if (value is not null)
                {
                    Key(key);
                    Text(value);
                }
            }

            public void Flag(string key, bool value)
            {
                if (value)
                {
                    Key(key);
                    Plain("true");
                }
            }

            public void List(string key, string[]? values)
            {
                if (values is { Length: > 0 })
                {
                    Key(key);
                    Seq(() =>
                    {
                        foreach (var value in values)
                        {
                            Text(value);
                        }
                    });
                }
            }

            public void Dictionary<T>(string key, SortedDictionary<string, T> values)
                where T : class?
            {
                if (values.Count > 0)
                {
                    Key(key);
                    Map(() =>
                    {
                        foreach (var pair in values)
                        {
                            Key(pair.Key);
                            if (pair.Value is string text)
                            {
                                Text(text);
                            }
                            else
                            {
                                Plain("null");
                            }
                        }
                    });
                }
            }
        }
    }
}
