source "${0:A:h}/flags2.bash"   # picocli's script serves zsh too (it loads bashcompinit)
