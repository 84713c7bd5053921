# Dot-sourced by Help.Tests.ps1: reads a cmdlet's help markdown (docs/help/<Cmdlet>.md, PlatyPS 1.0's
# schema 2024-05-01) into the fields the suite checks, without PlatyPS, so that the help is checked
# against the cmdlets on every machine. Where PlatyPS is there, the suite also checks that PlatyPS
# reads the same files and makes the committed MAML from them.
#   Read-HelpMarkdown PATH -> Title, ModuleName, ExternalHelpFile, Synopsis, Description,
#     Examples (Title, Remarks), Parameters (Name, Description, Type, DefaultValue, SupportsWildcards,
#     Aliases, AcceptedValues, ParameterSets: Name, Position, IsRequired, ValueFromPipeline,
#     ValueFromPipelineByPropertyName), Inputs and Outputs (Typename, Description), Notes,
#     RelatedLinks (LinkText, Uri)

# The text split at headings of one level (a '#' line inside a code block is code, not a heading):
# an ordered dictionary of heading -> body.
function Split-MarkdownSection([string[]] $Lines, [string] $Marker) {
    $sections = [ordered]@{}
    $current = $null
    $body = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith("$Marker ")) {
            if ($null -ne $current) { $sections[$current] = @($body) }
            $current = $line.Substring($Marker.Length + 1).Trim()
            $body = [System.Collections.Generic.List[string]]::new()
        }
        elseif ($null -ne $current) {
            $body.Add($line)
        }
    }
    if ($null -ne $current) { $sections[$current] = @($body) }
    $sections
}

function ConvertFrom-YamlScalar([string] $Value) {
    $Value = $Value.Trim()
    if ($Value -eq 'true') { return $true }
    if ($Value -eq 'false') { return $false }
    if ($Value -match "^'(.*)'$") { return $Matches[1] -replace "''", "'" }
    $Value
}

# The parameter's YAML block: scalars, lists of scalars, and the list of parameter-set maps.
function ConvertFrom-ParameterYaml([string[]] $Lines) {
    $result = @{}
    $key = $null
    foreach ($line in $Lines) {
        if ($line -match '^(\w+):\s*(.*)$') {
            $key = $Matches[1]
            $result[$key] = switch ($Matches[2]) {
                '[]' { , @() }
                '' { , [System.Collections.Generic.List[object]]::new() }
                default { ConvertFrom-YamlScalar $_ }
            }
        }
        elseif ($line -match '^- (\w+): (.*)$') {
            $result[$key].Add(@{ $Matches[1] = ConvertFrom-YamlScalar $Matches[2] })
        }
        elseif ($line -match '^  (\w+): (.*)$') {
            $result[$key][$result[$key].Count - 1][$Matches[1]] = ConvertFrom-YamlScalar $Matches[2]
        }
        elseif ($line -match '^- (.*)$') {
            $result[$key].Add((ConvertFrom-YamlScalar $Matches[1]))
        }
    }
    $result
}

function Read-HelpMarkdown([string] $Path) {
    $text = Get-Content $Path -Raw
    $frontMatter = @{}
    if ($text -match '\A---\r?\n(?<yaml>(?s:.*?))\r?\n---') {
        foreach ($line in $Matches.yaml -split '\r?\n') {
            if ($line -match '^([^:]+):\s*(.*)$') { $frontMatter[$Matches[1].Trim()] = ConvertFrom-YamlScalar $Matches[2] }
        }
    }
    $sections = Split-MarkdownSection ($text -split '\r?\n') '##'
    $section = { param($Name) if ($sections.Contains($Name)) { (($sections[$Name]) -join "`n").Trim() } else { '' } }

    $examples = foreach ($entry in (Split-MarkdownSection $sections['EXAMPLES'] '###').GetEnumerator()) {
        [pscustomobject]@{ Title = $entry.Key; Remarks = ($entry.Value -join "`n").Trim() }
    }

    $parameters = foreach ($entry in (Split-MarkdownSection $sections['PARAMETERS'] '###').GetEnumerator()) {
        if ($entry.Key -notlike '-*') { continue }
        $body = $entry.Value -join "`n"
        $yaml = if ($body -match '(?ms)^```yaml\r?\n(.*?)^```') { ConvertFrom-ParameterYaml ($Matches[1] -split '\r?\n') } else { @{} }
        $sets = foreach ($set in @($yaml['ParameterSets'])) {
            if ($set) { [pscustomobject]$set }
        }
        [pscustomobject]@{
            Name              = $entry.Key.Substring(1)
            Description       = ($body -replace '(?ms)^```yaml.*?^```', '').Trim()
            Type              = $yaml['Type']
            DefaultValue      = $yaml['DefaultValue']
            SupportsWildcards = $yaml['SupportsWildcards']
            Aliases           = @($yaml['Aliases'])
            AcceptedValues    = @($yaml['AcceptedValues'])
            ParameterSets     = @($sets)
        }
    }

    $types = {
        param($Name)
        foreach ($entry in (Split-MarkdownSection $sections[$Name] '###').GetEnumerator()) {
            [pscustomobject]@{ Typename = $entry.Key; Description = ($entry.Value -join "`n").Trim() }
        }
    }

    $links = foreach ($line in $sections['RELATED LINKS']) {
        if ($line -match '^- \[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)') {
            [pscustomobject]@{ LinkText = $Matches.text; Uri = $Matches.uri }
        }
    }

    [pscustomobject]@{
        Title            = $frontMatter['title']
        ModuleName       = $frontMatter['Module Name']
        ExternalHelpFile = $frontMatter['external help file']
        Synopsis         = & $section 'SYNOPSIS'
        Description      = & $section 'DESCRIPTION'
        Examples         = @($examples)
        Parameters       = @($parameters)
        Inputs           = @(& $types 'INPUTS')
        Outputs          = @(& $types 'OUTPUTS')
        Notes            = & $section 'NOTES'
        RelatedLinks     = @($links)
    }
}
