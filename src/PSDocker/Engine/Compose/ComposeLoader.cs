using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Reads compose files into a <see cref="ComposeProjectConfig"/>: YamlDotNet, merge in order,
    /// interpolation (environment, then the project's .env), normalisation, validation against the
    /// compose specification (unknown keys refused, unsupported ones named). Pure: never calls an engine.
    /// </summary>
    internal static class ComposeLoader
    {
        private static readonly Regex NameCharacters = new Regex("[a-z0-9_-]", RegexOptions.CultureInvariant);

        /// <summary>Loads the project; throws <see cref="ComposeFileException"/> for anything it cannot use.</summary>
        public static ComposeProjectConfig Load(ComposeLoadRequest request)
        {
            var warnings = new List<string>();
            var start = string.IsNullOrEmpty(request.WorkingDirectory) ? Directory.GetCurrentDirectory() : request.WorkingDirectory;
            var files = ResolveFiles(request, start, warnings);
            var projectDirectory = Path.GetDirectoryName(files[0]) ?? start;

            // The environment: the process's, then the project's .env for what it lacks (compose: the process wins).
            var dotEnv = ReadDotEnv(projectDirectory, request.Environment);
            string? Environment(string name) =>
                request.Environment.TryGetValue(name, out var value) ? value : dotEnv.TryGetValue(name, out var fromFile) ? fromFile : null;

            var trees = new List<ComposeMapping>();
            foreach (var file in files)
            {
                var node = ComposeYamlReader.ReadFile(file);
                if (node is null || (node is ComposeMapping { Entries.Count: 0 }))
                {
                    throw new ComposeFileException("ComposeYamlInvalid", "empty compose file", file);
                }

                if (node is not ComposeMapping mapping)
                {
                    throw node.Error("ComposeValueInvalid", $"Top-level object must be a mapping, not {node.KindName}");
                }

                if (mapping.Get("version") is not null)
                {
                    warnings.Add($"{file}: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
                }

                trees.Add(mapping);
            }

            var name = ProjectName(request, trees, projectDirectory, Environment, warnings);
            var interpolator = new ComposeInterpolator(v => v == "COMPOSE_PROJECT_NAME" ? name : Environment(v), warnings);
            ComposeNode merged = (ComposeMapping)Interpolate(trees[0], interpolator, string.Empty);
            foreach (var tree in trees.Skip(1))
            {
                merged = ComposeMerger.Merge(merged, Interpolate(tree, interpolator, string.Empty));
            }

            var root = (ComposeMapping)ComposeMerger.DropResets(merged);
            var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            var (services, networks, volumes) = new ComposeModelReader(name, projectDirectory, Environment, home).Read(root);

            var profiles = request.Profiles.Count > 0
                ? request.Profiles
                : (Environment("COMPOSE_PROFILES") ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).ToList();
            var project = new ComposeProjectConfig
            {
                Name = name,
                WorkingDirectory = projectDirectory,
                ConfigFiles = files.ToArray(),
            };
            ComposeProjectValidator.Apply(project, root, services, networks, volumes, profiles, request.Services, warnings);
            project.Warnings = warnings.ToArray();
            return project;
        }

        /// <summary>compose-go's NormalizeProjectName: lower case, only [a-z0-9_-], no leading '_' or '-'.</summary>
        public static string NormalizeProjectName(string name) =>
            string.Concat(NameCharacters.Matches(name.ToLowerInvariant()).Cast<Match>().Select(m => m.Value)).TrimStart('_', '-');

        private static IReadOnlyList<string> ResolveFiles(ComposeLoadRequest request, string start, List<string> warnings)
        {
            var paths = request.Paths;
            if (paths.Count == 0 && request.Environment.TryGetValue("COMPOSE_FILE", out var composeFile) && !string.IsNullOrEmpty(composeFile))
            {
                var separator = request.Environment.TryGetValue("COMPOSE_PATH_SEPARATOR", out var s) && !string.IsNullOrEmpty(s) ? s : Path.PathSeparator.ToString();
                paths = composeFile.Split(new[] { separator }, StringSplitOptions.RemoveEmptyEntries);
            }

            if (paths.Count == 0)
            {
                var found = ComposeFileLocator.Find(start, warnings);
                if (found.Count == 0)
                {
                    throw new ComposeFileException(
                        "ComposeFileNotFound",
                        $"no configuration file provided: not found (looked for {string.Join(", ", ComposeFileLocator.FileNames)} in {start} and its parents); name one with -Path",
                        category: ErrorCategory.ObjectNotFound);
                }

                return found;
            }

            var result = new List<string>();
            foreach (var path in paths)
            {
                var full = Path.GetFullPath(Path.Combine(start, path));
                if (Directory.Exists(full))
                {
                    // A folder (Get-Item dir | Start-ComposeProject): its compose file, found as in the current folder.
                    var inFolder = ComposeFileLocator.Find(full, warnings);
                    if (inFolder.Count == 0)
                    {
                        throw new ComposeFileException(
                            "ComposeFileNotFound",
                            $"{full} is a folder with no compose file (looked for {string.Join(", ", ComposeFileLocator.FileNames)} in it and its parents)",
                            full,
                            category: ErrorCategory.ObjectNotFound);
                    }

                    result.AddRange(inFolder);
                    continue;
                }

                if (!File.Exists(full))
                {
                    throw new ComposeFileException("ComposeFileNotFound", $"open {full}: no such file or directory", full, category: ErrorCategory.ObjectNotFound);
                }

                result.Add(full);
            }

            return result;
        }

        private static IDictionary<string, string> ReadDotEnv(string directory, IReadOnlyDictionary<string, string> environment)
        {
            var path = Path.Combine(directory, ".env");
            if (!File.Exists(path))
            {
                return new Dictionary<string, string>();
            }

            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ComposeFileException("ComposeEnvFileInvalid", $"cannot read {path}: {e.Message}", path, category: ErrorCategory.ReadError);
            }

            return ComposeDotEnv.Parse(text, path, v => environment.TryGetValue(v, out var value) ? value : null);
        }

        private static string ProjectName(ComposeLoadRequest request, List<ComposeMapping> trees, string projectDirectory, Func<string, string?> environment, List<string> warnings)
        {
            var imperative = !string.IsNullOrEmpty(request.ProjectName) ? request.ProjectName : environment("COMPOSE_PROJECT_NAME");
            if (!string.IsNullOrEmpty(imperative))
            {
                if (NormalizeProjectName(imperative!) != imperative)
                {
                    throw new ComposeFileException(
                        "ComposeProjectNameInvalid",
                        $"invalid project name \"{imperative}\": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number",
                        category: ErrorCategory.InvalidArgument);
                }

                return imperative!;
            }

            ComposeScalar? fromFile = null;
            foreach (var tree in trees)
            {
                if (tree.Get("name") is { } node)
                {
                    if (node is not ComposeScalar scalar)
                    {
                        throw node.Error("ComposeValueInvalid", $"name must be a string, not {node.KindName}");
                    }

                    if (!string.IsNullOrEmpty(scalar.Value))
                    {
                        fromFile = scalar;
                    }
                }
            }

            string name;
            if (fromFile is not null)
            {
                name = NormalizeProjectName(Substitute(new ComposeInterpolator(environment, warnings), fromFile, "name"));
            }
            else
            {
                name = NormalizeProjectName(Path.GetFileName(projectDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)));
            }

            if (name.Length == 0)
            {
                throw new ComposeFileException(
                    "ComposeProjectNameInvalid",
                    "project name must not be empty (the folder's name has no letter or digit); give one with -ProjectName or a top-level name",
                    (string?)fromFile?.File,
                    fromFile?.Line ?? 0,
                    fromFile?.Column ?? 0,
                    ErrorCategory.InvalidArgument);
            }

            return name;
        }

        private static ComposeNode Interpolate(ComposeNode node, ComposeInterpolator interpolator, string path)
        {
            switch (node)
            {
                case ComposeScalar { Value: not null } scalar:
                    return scalar.With(Substitute(interpolator, scalar, path));
                case ComposeSequence sequence:
                    return new ComposeSequence(sequence.File, sequence.Line, sequence.Column, sequence.Items.Select(i => Interpolate(i, interpolator, path)).ToList()) { MergeTag = sequence.MergeTag };
                case ComposeMapping mapping:
                    return new ComposeMapping(
                        mapping.File,
                        mapping.Line,
                        mapping.Column,
                        mapping.Entries.Select(e => new KeyValuePair<ComposeScalar, ComposeNode>(e.Key, Interpolate(e.Value, interpolator, path.Length == 0 ? e.Key.Value! : path + "." + e.Key.Value))).ToList())
                    {
                        MergeTag = mapping.MergeTag,
                    };
                default:
                    return node;
            }
        }

        private static string Substitute(ComposeInterpolator interpolator, ComposeScalar scalar, string path)
        {
            try
            {
                return interpolator.Substitute(scalar.Value!);
            }
            catch (ComposeFileException e)
            {
                throw scalar.Error(e.ErrorId, $"error while interpolating {path}: {e.Reason}");
            }
        }
    }
}
