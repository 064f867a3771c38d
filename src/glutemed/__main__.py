import sys

from glutemed.app import main

sys.exit(main())
