//! `--staged` and `--since REV`: only the lines a change adds, read from git. A pre-commit hook
//! then costs the size of the change, and findings point at the real line numbers of the file.
//! Uses the `git` binary: it is where the repository's configuration and index live.

use super::InputError;
use std::process::Command;

/// What to compare.
#[derive(Clone, Debug)]
pub enum Change {
    /// The index against HEAD (what `git commit` would record).
    Staged,
    /// The working tree against a revision.
    Since(String),
}

/// A file the change touches: its content after the change, and the 1-based numbers of the
/// lines it adds.
pub struct ChangedFile {
    pub path: String,
    pub content: String,
    pub added: Vec<usize>,
}

fn git(args: &[&str]) -> Result<String, InputError> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| InputError::new("git", None, format!("cannot run git: {e}")))?;
    if !output.status.success() {
        let cause = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(InputError::new(
            "git",
            None,
            format!("git {} failed: {cause}", args.join(" ")),
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The added lines of every file in `change`, with the file's content after it.
pub fn changed_files(change: &Change) -> Result<Vec<ChangedFile>, InputError> {
    let diff = match change {
        Change::Staged => git(&[
            "diff",
            "--cached",
            "--no-color",
            "--no-ext-diff",
            "--unified=0",
            "--diff-filter=ACMR",
        ])?,
        Change::Since(rev) => git(&[
            "diff",
            rev,
            "--no-color",
            "--no-ext-diff",
            "--unified=0",
            "--diff-filter=ACMR",
        ])?,
    };
    let mut files = Vec::new();
    for (path, added) in parse_diff(&diff) {
        let content = match change {
            // The staged blob: what will be committed, not what is on disk.
            Change::Staged => git(&["show", &format!(":{path}")])?,
            Change::Since(_) => std::fs::read_to_string(&path)
                .map_err(|e| InputError::new(&path, None, format!("cannot read file: {e}")))?,
        };
        files.push(ChangedFile {
            path,
            content,
            added,
        });
    }
    Ok(files)
}

/// Files and their added line numbers in a `--unified=0` diff.
fn parse_diff(diff: &str) -> Vec<(String, Vec<usize>)> {
    let mut files: Vec<(String, Vec<usize>)> = Vec::new();
    let mut next_line = 0;
    for line in diff.lines() {
        if let Some(path) = line.strip_prefix("+++ ") {
            let path = path.strip_prefix("b/").unwrap_or(path);
            if path != "/dev/null" {
                files.push((path.to_string(), Vec::new()));
            }
        } else if let Some(hunk) = line.strip_prefix("@@ ") {
            // "@@ -12,3 +14,5 @@": the new side starts at line 14.
            next_line = hunk
                .split_whitespace()
                .find_map(|part| part.strip_prefix('+'))
                .and_then(|new| new.split(',').next())
                .and_then(|start| start.parse().ok())
                .unwrap_or(0);
        } else if line.starts_with('+') && !line.starts_with("+++") {
            if let Some((_, added)) = files.last_mut() {
                added.push(next_line);
            }
            next_line += 1;
        }
    }
    files.retain(|(_, added)| !added.is_empty());
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_lines_with_their_numbers() {
        let diff = "diff --git a/post.md b/post.md\n--- a/post.md\n+++ b/post.md\n@@ -3,0 +4,2 @@\n+Maria Gonzalez\n+was admitted\n@@ -10 +12 @@\n-old\n+new\ndiff --git a/gone.txt b/gone.txt\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n";
        assert_eq!(
            parse_diff(diff),
            vec![("post.md".to_string(), vec![4, 5, 12])]
        );
    }
}
