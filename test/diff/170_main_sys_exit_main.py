# the sys.exit(main()) idiom with a non-zero return
import sys
def main(argv):
    print("args:", argv[1:])
    if len(argv) < 2:
        print("usage: prog NAME", file=sys.stderr)
        return 2
    return 0
if __name__ == "__main__":
    sys.exit(main(sys.argv))
